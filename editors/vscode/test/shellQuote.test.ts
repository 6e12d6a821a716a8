import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { commandLine, quoteArg, shellKind } from "../src/shellQuote";

describe("shell quoting", () => {
  it("picks the shell family from its path", () => {
    assert.equal(shellKind("/bin/bash", "linux"), "posix");
    assert.equal(shellKind("/usr/bin/fish", "darwin"), "fish");
    assert.equal(shellKind("C:\\Program Files\\PowerShell\\7\\pwsh.exe", "win32"), "powershell");
    assert.equal(shellKind("C:\\Windows\\System32\\cmd.exe", "win32"), "cmd");
    assert.equal(shellKind("", "win32"), "powershell");
    assert.equal(shellKind(undefined, "linux"), "posix");
  });

  it("leaves plain words alone", () => {
    for (const kind of ["posix", "fish", "powershell", "cmd"] as const) {
      assert.equal(commandLine(["/usr/bin/rocky", "run", "--model", "orders_2"], kind), "/usr/bin/rocky run --model orders_2");
    }
  });

  it("quotes what each shell would read otherwise", () => {
    assert.equal(quoteArg("it's here", "posix"), `'it'\\''s here'`);
    assert.equal(quoteArg("a\\b'c", "fish"), `'a\\\\b\\'c'`);
    assert.equal(quoteArg("it's $x", "powershell"), `'it''s $x'`);
    assert.equal(quoteArg('say "hi" & exit', "cmd"), `"say ""hi"" & exit"`);
    assert.equal(quoteArg("", "posix"), "''");
  });

  it("calls a quoted program with & in PowerShell", () => {
    assert.equal(
      commandLine(["C:\\Program Files\\rocky.exe", "run", "--model", "m"], "powershell"),
      "& 'C:\\Program Files\\rocky.exe' run --model m",
    );
    assert.equal(commandLine(["/opt/my rocky/rocky", "run"], "posix"), "'/opt/my rocky/rocky' run");
  });
});
