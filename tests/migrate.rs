//! Session files of the first schema keep opening: they are upgraded in memory with
//! nothing lost, and written in the new schema only when saved (the save keeps the old
//! file as `.bak`). The fixture is a frozen copy of the example session as schema 1
//! wrote it.

use convene::domain::session::SCHEMA_VERSION;
use convene::storage;
use serde_json::Value;
use std::path::Path;

const SCHEMA_1: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/example-workshop-schema1.json"
);
const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/example-workshop.json"
);

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn a_schema_1_file_opens_with_nothing_lost() {
    let old = json(&std::fs::read_to_string(SCHEMA_1).unwrap());
    assert_eq!(old["schema_version"], 1);
    let session = storage::load(Path::new(SCHEMA_1)).unwrap();
    let new = json(&storage::to_json(&session));
    assert_eq!(new["schema_version"], SCHEMA_VERSION);
    // The plan's rows are the table keyed "plan", row for row and cell for cell.
    assert_eq!(new["tables"]["plan"], old["plan"]);
    // The template's plan is that table's columns and horizon.
    let table = &new["workshop"]["tables"][0];
    assert_eq!(table["key"], "plan");
    assert_eq!(table["columns"], old["workshop"]["plan"]["columns"]);
    assert_eq!(
        table["horizon_days"],
        old["workshop"]["plan"]["horizon_days"]
    );
    // Everything else is as it was.
    let strip = |mut v: Value, keys: &[&str]| {
        for k in keys {
            v.as_object_mut().unwrap().remove(*k);
        }
        v
    };
    let rest = |v: &Value| {
        let workshop = strip(v["workshop"].clone(), &["plan", "tables"]);
        let mut top = strip(v.clone(), &["schema_version", "plan", "tables", "workshop"]);
        top["workshop"] = workshop;
        top
    };
    assert_eq!(rest(&new), rest(&old));
}

#[test]
fn the_upgraded_file_is_written_only_when_saved_and_the_old_one_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("budget.json");
    let original = std::fs::read(SCHEMA_1).unwrap();
    std::fs::write(&path, &original).unwrap();
    let session = storage::load(&path).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        original,
        "reading writes nothing"
    );
    storage::save(&path, &storage::to_json(&session)).unwrap();
    assert_eq!(
        std::fs::read(storage::backup_path(&path)).unwrap(),
        original
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(json(&saved)["schema_version"], SCHEMA_VERSION);
    assert_eq!(
        storage::load(&path).unwrap(),
        session,
        "and it reads back the same"
    );
}

#[test]
fn the_example_session_round_trips_byte_for_byte() {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let session = storage::load(Path::new(EXAMPLE)).unwrap();
    assert_eq!(json(&text)["schema_version"], SCHEMA_VERSION);
    assert_eq!(storage::to_json(&session), text);
}

const SCHEMA_2: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/example-workshop-schema2.json"
);

/// Schema 3 only adds reviews, rows' history, the next review and the roster: a file
/// of schema 2 (the example as the previous convene wrote it) reads as it is, and is
/// written back with only its version changed.
#[test]
fn a_schema_2_file_opens_unchanged_and_saves_as_schema_3() {
    let text = std::fs::read_to_string(SCHEMA_2).unwrap();
    assert_eq!(json(&text)["schema_version"], 2);
    let session = storage::load(Path::new(SCHEMA_2)).unwrap();
    assert!(session.reviews.is_empty() && session.next_review.is_empty());
    assert!(session.tables.all_rows().all(|r| r.history.is_empty()));
    let mut new = json(&storage::to_json(&session));
    assert_eq!(new["schema_version"], 3);
    new["schema_version"] = 2.into();
    assert_eq!(new, json(&text), "nothing else changed");
}

#[test]
fn a_file_of_a_newer_schema_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.json");
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replacen(
        "\"schema_version\": 3",
        "\"schema_version\": 4",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    let err = storage::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("newer convene") && err.contains("future.json"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
