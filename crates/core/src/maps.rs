//! Maps built by inserting their pairs in turn. `collect()` into a
//! `BTreeMap` (or a `serde_json::Map`) sorts the pairs first, with a stable
//! sort the compiler copies for every pair type, and the widget's wasm
//! carries each copy (docs/benchmarks.md, "Maps without a sort"). The maps
//! here hold a response's few answers and fields, so inserting is as quick.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// `pairs` as a map; a later pair replaces an earlier one with its key, as
/// `collect()` does.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// `pairs` as a map, or the first error among them.
pub fn try_map_of<K: Ord, V, E>(
    pairs: impl IntoIterator<Item = Result<(K, V), E>>,
) -> Result<BTreeMap<K, V>, E> {
    let mut map = BTreeMap::new();
    for pair in pairs {
        let (key, value) = pair?;
        map.insert(key, value);
    }
    Ok(map)
}

/// `pairs` as a JSON object.
pub fn object_of(pairs: impl IntoIterator<Item = (String, Value)>) -> Map<String, Value> {
    let mut object = Map::new();
    for (key, value) in pairs {
        object.insert(key, value);
    }
    object
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_maps_are_what_collect_makes() {
        let pairs = [("b", 2), ("a", 1), ("b", 3)];
        assert_eq!(map_of(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        let results = [Ok(("b", 2)), Ok(("a", 1))];
        assert_eq!(try_map_of::<_, _, ()>(results), results.into_iter().collect());
        assert_eq!(try_map_of([Ok(("a", 1)), Err("bad"), Err("worse")]), Err("bad"));
        let values = [("b".to_owned(), json!(2)), ("a".to_owned(), json!([1]))];
        assert_eq!(
            object_of(values.clone()),
            values.into_iter().collect::<Map<_, _>>()
        );
    }
}
