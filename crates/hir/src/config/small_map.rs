//! A map of a few string keys, as a config file holds them (`[tags]`): a vector sorted by
//! key. A `BTreeMap` allocates a node for eleven entries on its first insert — 544 bytes
//! for two tags of strings, in each of 10,000 sidecars (5.4 MB of a 10,000-model
//! compile's 81 MB heap).

use std::fmt;

/// Sorted by key, keys unique; iterates in key order as a `BTreeMap` would.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SmallMap<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for SmallMap<V> {
    fn default() -> Self {
        SmallMap { entries: Vec::new() }
    }
}

impl<V> SmallMap<V> {
    pub fn new() -> Self {
        SmallMap::default()
    }

    /// Sets `key`; returns the value it replaced.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.entries.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn iter(&self) -> <&Self as IntoIterator>::IntoIter {
        self.into_iter()
    }

    /// Gives back the capacity left from growing: the map is kept as long as the config.
    pub fn shrink_to_fit(&mut self) {
        self.entries.shrink_to_fit();
    }
}

impl<'a, V> IntoIterator for &'a SmallMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&(String, V)) -> (&String, &V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<V> Extend<(String, V)> for SmallMap<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<V> FromIterator<(String, V)> for SmallMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut map = SmallMap::new();
        map.extend(iter);
        map.shrink_to_fit();
        map
    }
}

/// As a `BTreeMap` prints: `{"k": v}`.
impl<V: fmt::Debug> fmt::Debug for SmallMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// As a map, like a `BTreeMap`: the JSON and the load cache keep their shape.
impl<V: serde::Serialize> serde::Serialize for SmallMap<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de, V: serde::Deserialize<'de>> serde::Deserialize<'de> for SmallMap<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = SmallMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Self::Value, A::Error> {
                let mut map = SmallMap { entries: Vec::with_capacity(a.size_hint().unwrap_or(0)) };
                while let Some((k, v)) = a.next_entry::<String, V>()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::SmallMap;

    #[test]
    fn sorted_unique_and_shaped_like_a_btreemap() {
        let mut m: SmallMap<u32> =
            [("b".to_string(), 2), ("a".to_string(), 1)].into_iter().collect();
        assert_eq!(m.insert("b".to_string(), 3), Some(2));
        assert_eq!(m.insert("c".to_string(), 4), None);
        let keys: Vec<&String> = m.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "b", "c"]);
        assert_eq!(format!("{m:?}"), r#"{"a": 1, "b": 3, "c": 4}"#);
        let json = serde_json::to_string(&m).expect("serializes");
        assert_eq!(json, r#"{"a":1,"b":3,"c":4}"#);
        let back: SmallMap<u32> = serde_json::from_str(r#"{"c":4,"a":1,"b":3}"#).expect("reads");
        assert_eq!(back, m);
    }
}
