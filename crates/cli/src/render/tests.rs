//! Snapshots of every format over one small project, and SARIF against its schema.

use std::sync::Arc;

use expect_test::{Expect, expect};
use hir::{
    Code, Diagnostic, Related, RootDatabase, Severity, SourceFile,
    input::{FileKind, FileStatus},
    syntax::{TextRange, TextSize},
};

use super::Item;

/// `a.sql` has multi-byte characters before its diagnostic, on the same line and above.
const A: &str = "-- ☃ snow\nSELECT 'café', amout\nFROM orders\n";
const B: &str = "SELECT 1 AS x\n";

struct Fixture {
    db: RootDatabase,
    diags: Vec<Diagnostic>,
}

fn file(db: &RootDatabase, path: &str, text: &str) -> SourceFile {
    SourceFile::new(db, Arc::from(path), Arc::from(text), FileKind::SqlModel, FileStatus::Present)
}

fn range_of(text: &str, needle: &str) -> TextRange {
    let start = text.find(needle).unwrap();
    TextRange::at(TextSize::new(start as u32), TextSize::new(needle.len() as u32))
}

fn fixture() -> Fixture {
    let db = RootDatabase::default();
    let a = file(&db, "models/a.sql", A);
    let b = file(&db, "models/b.sql", B);
    let diags = vec![
        Diagnostic::new(Code::E120, Some(a), range_of(A, "amout"), "unknown column `amout`")
            .with_help("did you mean `amount`?"),
        Diagnostic::new(
            Code::E171,
            Some(b),
            range_of(B, "x"),
            "two models named `x`: 100%, really\nsecond line",
        )
        .with_related(Related {
            file: a,
            range: range_of(A, "orders"),
            message: "the other one".to_owned(),
        }),
        Diagnostic::new(
            Code::V007,
            None,
            TextRange::default(),
            "the models folder holds no models",
        )
        .with_help("add a `.sql` file under models/"),
        Diagnostic {
            severity: Severity::Info,
            ..Diagnostic::new(Code::D011, Some(b), range_of(B, "SELECT"), "an info")
        },
    ];
    Fixture { db, diags }
}

fn items(f: &Fixture) -> Vec<Item<'_>> {
    let models = [Some("a"), Some("b"), None, Some("b")];
    f.diags.iter().zip(models).map(|(diag, model)| Item { diag, model }).collect()
}

fn check_human(items: &[Item<'_>], db: &RootDatabase, expect: Expect) {
    let mut out = Vec::new();
    super::human(db, items, false, &mut out).unwrap();
    expect.assert_eq(&String::from_utf8(out).unwrap());
}

#[test]
fn human() {
    let f = fixture();
    check_human(
        &items(&f),
        &f.db,
        expect![[r#"
        error[E120]: unknown column `amout`
          --> models/a.sql:2:16
          |
        2 | SELECT 'café', amout
          |                ^^^^^
          |
          = help: did you mean `amount`?

        error[E171]: two models named `x`: 100%, really
        second line
          --> models/b.sql:1:13
          |
        1 | SELECT 1 AS x
          |             ^
          |
          --> models/a.sql:3:6
          |
        3 | FROM orders
          |      ------ the other one

        error[V007]: the models folder holds no models
         = help: add a `.sql` file under models/

        note[D011]: an info
          --> models/b.sql:1:1
          |
        1 | SELECT 1 AS x
          | ^^^^^^

        error: 3 errors, 1 note
    "#]],
    );
}

#[test]
fn human_nothing_to_say() {
    let f = fixture();
    check_human(&[], &f.db, expect![[r#""#]]);
}

#[test]
fn human_color_wraps_in_ansi() {
    let f = fixture();
    let mut out = Vec::new();
    super::human(&f.db, &items(&f)[..1], true, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("\u{1b}["), "{out}");
}

#[test]
fn json() {
    let f = fixture();
    let json = super::json_diagnostics(&f.db, &items(&f));
    let text = serde_json::to_string_pretty(&json).unwrap();
    expect![[r#"
        [
          {
            "code": "E120",
            "severity": "error",
            "message": "unknown column `amout`",
            "model": "a",
            "file": "models/a.sql",
            "range": {
              "start": {
                "line": 2,
                "column": 16
              },
              "end": {
                "line": 2,
                "column": 21
              }
            },
            "suggestion": "did you mean `amount`?"
          },
          {
            "code": "E171",
            "severity": "error",
            "message": "two models named `x`: 100%, really\nsecond line",
            "model": "b",
            "file": "models/b.sql",
            "range": {
              "start": {
                "line": 1,
                "column": 13
              },
              "end": {
                "line": 1,
                "column": 14
              }
            },
            "suggestion": null
          },
          {
            "code": "V007",
            "severity": "error",
            "message": "the models folder holds no models",
            "model": null,
            "file": null,
            "range": null,
            "suggestion": "add a `.sql` file under models/"
          },
          {
            "code": "D011",
            "severity": "info",
            "message": "an info",
            "model": "b",
            "file": "models/b.sql",
            "range": {
              "start": {
                "line": 1,
                "column": 1
              },
              "end": {
                "line": 1,
                "column": 7
              }
            },
            "suggestion": null
          }
        ]"#]]
    .assert_eq(&text);
}

#[test]
fn github() {
    let f = fixture();
    let mut out = Vec::new();
    super::github(&f.db, &items(&f), "", &mut out).unwrap();
    expect![[r#"
        ::error file=models/a.sql,line=2,col=16,endLine=2,endColumn=21,title=E120::unknown column `amout` (did you mean `amount`?)
        ::error file=models/b.sql,line=1,col=13,endLine=1,endColumn=14,title=E171::two models named `x`: 100%25, really%0Asecond line%0Amodels/a.sql:3:6: the other one
        ::error title=V007::the models folder holds no models (add a `.sql` file under models/)
        ::notice file=models/b.sql,line=1,col=1,endLine=1,endColumn=7,title=D011::an info
    "#]].assert_eq(&String::from_utf8(out).unwrap());
}

#[test]
fn github_paths_under_a_prefix() {
    let f = fixture();
    let mut out = Vec::new();
    super::github(&f.db, &items(&f)[..2], "projects/shop/", &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("::error file=projects/shop/models/a.sql,line=2"), "{out}");
    assert!(out.contains("%0Aprojects/shop/models/a.sql:3:6: the other one"), "{out}");
}

#[test]
fn rdjson() {
    let f = fixture();
    let doc = super::rdjson(&f.db, &items(&f), "");
    expect![[r#"
        {
          "diagnostics": [
            {
              "code": {
                "value": "E120"
              },
              "location": {
                "path": "models/a.sql",
                "range": {
                  "end": {
                    "column": 22,
                    "line": 2
                  },
                  "start": {
                    "column": 17,
                    "line": 2
                  }
                }
              },
              "message": "unknown column `amout`\nhelp: did you mean `amount`?",
              "severity": "ERROR"
            },
            {
              "code": {
                "value": "E171"
              },
              "location": {
                "path": "models/b.sql",
                "range": {
                  "end": {
                    "column": 14,
                    "line": 1
                  },
                  "start": {
                    "column": 13,
                    "line": 1
                  }
                }
              },
              "message": "two models named `x`: 100%, really\nsecond line",
              "related_locations": [
                {
                  "location": {
                    "path": "models/a.sql",
                    "range": {
                      "end": {
                        "column": 12,
                        "line": 3
                      },
                      "start": {
                        "column": 6,
                        "line": 3
                      }
                    }
                  },
                  "message": "the other one"
                }
              ],
              "severity": "ERROR"
            },
            {
              "code": {
                "value": "V007"
              },
              "location": {
                "path": "rocky.toml"
              },
              "message": "the models folder holds no models\nhelp: add a `.sql` file under models/",
              "severity": "ERROR"
            },
            {
              "code": {
                "value": "D011"
              },
              "location": {
                "path": "models/b.sql",
                "range": {
                  "end": {
                    "column": 7,
                    "line": 1
                  },
                  "start": {
                    "column": 1,
                    "line": 1
                  }
                }
              },
              "message": "an info",
              "severity": "INFO"
            }
          ],
          "source": {
            "name": "rocky"
          }
        }"#]]
    .assert_eq(&serde_json::to_string_pretty(&doc).unwrap());
}

/// reviewdog counts columns in UTF-8 bytes; ours count characters.
#[test]
fn rdjson_columns_are_bytes() {
    let db = RootDatabase::default();
    let text = "SELECT 'é€', amout FROM t";
    let a = file(&db, "models/a.sql", text);
    let diag = Diagnostic::new(Code::E120, Some(a), range_of(text, "amout"), "unknown column");
    let items = [Item { diag: &diag, model: Some("a") }];
    let doc = super::rdjson(&db, &items, "sub/");
    let location = &doc["diagnostics"][0]["location"];
    assert_eq!(location["path"], "sub/models/a.sql");
    assert_eq!(location["range"]["start"]["column"], text.find("amout").unwrap() + 1);
    let json = super::json_diagnostics(&db, &items);
    assert_eq!(json[0].range.unwrap().start.column, 14, "characters in the JSON payload");
}

#[test]
fn junit() {
    let f = fixture();
    let cases = [
        super::Case { name: "a", file: "models/a.sql" },
        super::Case { name: "b", file: "models/b.sql" },
        super::Case { name: "clean", file: "models/clean.sql" },
    ];
    let mut out = Vec::new();
    super::junit(&f.db, &items(&f), &cases, "", &mut out).unwrap();
    expect![[r#"
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="rocky check" tests="4" failures="3" errors="0">
          <testsuite name="rocky check" tests="4" failures="3" errors="0" skipped="0">
            <testcase name="(project)" classname="rocky.toml" file="rocky.toml">
              <failure message="V007: the models folder holds no models" type="V007">error[V007]: the models folder holds no models
          help: add a `.sql` file under models/</failure>
            </testcase>
            <testcase name="a" classname="models/a.sql" file="models/a.sql">
              <failure message="E120: unknown column `amout`" type="E120">models/a.sql:2:16: error[E120]: unknown column `amout`
          help: did you mean `amount`?</failure>
            </testcase>
            <testcase name="b" classname="models/b.sql" file="models/b.sql">
              <failure message="E171: two models named `x`: 100%, really&#10;second line" type="E171">models/b.sql:1:13: error[E171]: two models named `x`: 100%, really
        second line</failure>
              <system-out>models/b.sql:1:1: info[D011]: an info</system-out>
            </testcase>
            <testcase name="clean" classname="models/clean.sql" file="models/clean.sql"/>
          </testsuite>
        </testsuites>
    "#]].assert_eq(&String::from_utf8(out).unwrap());
}

#[test]
fn sarif() {
    let f = fixture();
    let mut log = super::sarif(&f.db, &items(&f), "", "0.1.0");
    sort_keys(&mut log);
    expect![[r#"
        {
          "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
          "runs": [
            {
              "columnKind": "unicodeCodePoints",
              "results": [
                {
                  "level": "error",
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "models/a.sql",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 21,
                          "endLine": 2,
                          "startColumn": 16,
                          "startLine": 2
                        }
                      }
                    }
                  ],
                  "message": {
                    "text": "unknown column `amout`\nhelp: did you mean `amount`?"
                  },
                  "properties": {
                    "model": "a"
                  },
                  "ruleId": "E120",
                  "ruleIndex": 1
                },
                {
                  "level": "error",
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "models/b.sql",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 14,
                          "endLine": 1,
                          "startColumn": 13,
                          "startLine": 1
                        }
                      }
                    }
                  ],
                  "message": {
                    "text": "two models named `x`: 100%, really\nsecond line"
                  },
                  "properties": {
                    "model": "b"
                  },
                  "relatedLocations": [
                    {
                      "id": 0,
                      "message": {
                        "text": "the other one"
                      },
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "models/a.sql",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 12,
                          "endLine": 3,
                          "startColumn": 6,
                          "startLine": 3
                        }
                      }
                    }
                  ],
                  "ruleId": "E171",
                  "ruleIndex": 2
                },
                {
                  "level": "error",
                  "message": {
                    "text": "the models folder holds no models\nhelp: add a `.sql` file under models/"
                  },
                  "ruleId": "V007",
                  "ruleIndex": 0
                },
                {
                  "level": "note",
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "models/b.sql",
                          "uriBaseId": "%SRCROOT%"
                        },
                        "region": {
                          "endColumn": 7,
                          "endLine": 1,
                          "startColumn": 1,
                          "startLine": 1
                        }
                      }
                    }
                  ],
                  "message": {
                    "text": "an info"
                  },
                  "properties": {
                    "model": "b"
                  },
                  "ruleId": "D011",
                  "ruleIndex": 3
                }
              ],
              "tool": {
                "driver": {
                  "name": "rocky",
                  "rules": [
                    {
                      "defaultConfiguration": {
                        "level": "error"
                      },
                      "id": "V007",
                      "shortDescription": {
                        "text": "the models folder holds no models"
                      }
                    },
                    {
                      "defaultConfiguration": {
                        "level": "error"
                      },
                      "id": "E120",
                      "shortDescription": {
                        "text": "unknown column"
                      }
                    },
                    {
                      "defaultConfiguration": {
                        "level": "error"
                      },
                      "id": "E171",
                      "shortDescription": {
                        "text": "two models have the same name"
                      }
                    },
                    {
                      "defaultConfiguration": {
                        "level": "warning"
                      },
                      "id": "D011",
                      "shortDescription": {
                        "text": "depends_on misses a model the SQL references"
                      }
                    }
                  ],
                  "version": "0.1.0"
                }
              }
            }
          ],
          "version": "2.1.0"
        }"#]].assert_eq(&serde_json::to_string_pretty(&log).unwrap());
}

#[test]
fn sarif_is_valid_against_the_oasis_schema() {
    let f = fixture();
    let schema_path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../test_data/sarif/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    for log in [super::sarif(&f.db, &items(&f), "", "0.1.0"), super::sarif(&f.db, &[], "", "0.1.0")]
    {
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The validator does reject what the schema forbids, so the loop above means something.
    let bad = serde_json::json!({ "version": "2.1.0", "runs": [{ "results": [] }] });
    assert!(!validator.is_valid(&bad));
}

/// Ranges past the end, inside a character or reversed are clamped, never a panic.
#[test]
fn bad_ranges_are_clamped() {
    let f = fixture();
    let a = f.diags[0].file.unwrap();
    let odd = |start: u32, end: u32| {
        // Built by hand: `TextRange::new` itself asserts start <= end.
        let mut d = Diagnostic::new(Code::E100, Some(a), TextRange::default(), "odd");
        d.range = TextRange::new(TextSize::new(start), TextSize::new(end.max(start)));
        d
    };
    let snow = A.find('☃').unwrap() as u32;
    let diags = [odd(1000, 2000), odd(snow + 1, snow + 2), odd(0, 10_000)];
    let items: Vec<Item<'_>> = diags.iter().map(|diag| Item { diag, model: None }).collect();
    let json = super::json_diagnostics(&f.db, &items);
    let ranges: Vec<String> = json
        .iter()
        .map(|d| {
            let r = d.range.unwrap();
            format!("{}:{}-{}:{}", r.start.line, r.start.column, r.end.line, r.end.column)
        })
        .collect();
    expect![[r#"
        [
            "4:1-4:1",
            "1:4-1:4",
            "1:1-4:1",
        ]
    "#]]
    .assert_debug_eq(&ranges);
    let mut out = Vec::new();
    super::human(&f.db, &items, false, &mut out).unwrap();
    super::github(&f.db, &items, "", &mut out).unwrap();
    super::sarif(&f.db, &items, "", "0.1.0");
    super::rdjson(&f.db, &items, "");
    super::junit(&f.db, &items, &[], "", &mut out).unwrap();
}

/// Thousands of diagnostics in one long line stay fast (one line table per file).
#[test]
fn many_diagnostics_in_one_file() {
    let db = RootDatabase::default();
    let text = "é".repeat(200_000);
    let big = file(&db, "models/big.sql", &text);
    let diags: Vec<Diagnostic> = (0..20_000u32)
        .map(|i| {
            let at = TextSize::new(i * 20);
            Diagnostic::new(Code::E100, Some(big), TextRange::empty(at), "x")
        })
        .collect();
    let items: Vec<Item<'_>> = diags.iter().map(|diag| Item { diag, model: None }).collect();
    let json = super::json_diagnostics(&db, &items);
    assert_eq!(json[19_999].range.unwrap().start.column, 19_999 * 10 + 1);
}

/// Keys in a stable order whatever serde_json's `preserve_order` feature says.
fn sort_keys(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.sort_keys();
            map.values_mut().for_each(sort_keys);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(sort_keys),
        _ => {}
    }
}
