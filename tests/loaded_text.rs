//! A session edited outside convene can carry escape sequences, control characters and
//! bidi overrides in any of its strings. They are cleaned when the file is loaded and
//! in every export, the way typed text is: nothing reaches a terminal, a spreadsheet
//! or a report but the text itself.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use convene::domain::session::Session;
use convene::export::{Format, render};
use serde_json::Value;
use std::path::Path;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/example-workshop.json"
);

/// A title-setting OSC, a right-to-left override, a screen clear (7-bit and C1), a bell,
/// a NUL and a terminal reset: all of it goes when cleaned, so a cleaned string is the
/// string it was spliced into.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{202e}\u{1b}[2J\u{9b}\u{7}\u{0}\u{1b}c";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 11, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

fn example() -> Value {
    serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap()
}

/// `text` with the hostile string in its middle.
fn spliced(text: &str) -> String {
    let middle = text
        .char_indices()
        .map(|(i, _)| i)
        .nth(text.chars().count() / 2)
        .unwrap_or(text.len());
    format!("{}{HOSTILE}{}", &text[..middle], &text[middle..])
}

/// Every string and every object key of the document, made hostile where `keep`
/// accepts the change. Returns how many were changed.
fn poison(root: &mut Value, keep: &dyn Fn(&Value) -> bool) -> usize {
    let mut changed = 0;
    let mut pending = vec![Vec::<Step>::new()];
    while let Some(path) = pending.pop() {
        let node = at(root, &path).clone();
        match node {
            Value::String(text) => {
                *at(root, &path) = Value::String(spliced(&text));
                if keep(root) {
                    changed += 1;
                } else {
                    *at(root, &path) = Value::String(text);
                }
            }
            Value::Array(items) => {
                pending.extend((0..items.len()).map(|i| extend(&path, Step::Index(i))));
            }
            Value::Object(map) => {
                for key in map.keys() {
                    let Value::Object(object) = at(root, &path) else {
                        unreachable!()
                    };
                    let entry = object.remove(key).unwrap();
                    object.insert(spliced(key), entry);
                    let key = if keep(root) {
                        changed += 1;
                        spliced(key)
                    } else {
                        let Value::Object(object) = at(root, &path) else {
                            unreachable!()
                        };
                        let entry = object.remove(&spliced(key)).unwrap();
                        object.insert(key.clone(), entry);
                        key.clone()
                    };
                    pending.push(extend(&path, Step::Key(key)));
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
    changed
}

#[derive(Clone)]
enum Step {
    Index(usize),
    Key(String),
}

fn extend(path: &[Step], step: Step) -> Vec<Step> {
    let mut path = path.to_vec();
    path.push(step);
    path
}

fn at<'a>(root: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(root, |node, step| match step {
        Step::Index(i) => &mut node[*i],
        Step::Key(k) => node.get_mut(k).unwrap(),
    })
}

/// A session that holds the change as it is: it deserializes and serializes back to
/// the same document (a renamed field or a changed enum value does not).
fn holds(value: &Value) -> bool {
    serde_json::from_value::<Session>(value.clone())
        .is_ok_and(|s| serde_json::to_value(s).is_ok_and(|back| back == *value))
}

fn clean_example() -> Session {
    convene::storage::load(Path::new(EXAMPLE)).unwrap()
}

#[test]
fn a_hand_edited_file_loads_clean_in_every_field() {
    let mut value = example();
    // Every string and every key, the field names and the schema version's included.
    let changed = poison(&mut value, &|_| true);
    assert!(changed > 400, "{changed} strings made hostile");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.json");
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("\\u001b]0;pwned")
    );

    let loaded = convene::storage::load(&path).unwrap();
    assert!(
        loaded == clean_example(),
        "the loaded session differs from the clean one"
    );
}

#[test]
fn every_export_cleans_every_field_of_a_session_it_is_given() {
    let mut value = example();
    let changed = poison(&mut value, &holds);
    // All but enum values, time stamps and field names (165 of the example's 434).
    assert!(
        changed > 150,
        "only {changed} strings could be made hostile"
    );
    let hostile: Session = serde_json::from_value(value).unwrap();
    let note = hostile
        .boards
        .values()
        .flat_map(|b| &b.panes)
        .flat_map(|p| &p.notes)
        .next();
    for field in [
        &hostile.title,
        &hostile.initiatives[0].name,
        &hostile.workshop.steps[0].title,
        &note.unwrap().text,
        hostile.plan().rows[0].cells.values().next().unwrap(),
    ] {
        assert!(field.contains(HOSTILE), "{field:?} was not made hostile");
    }
    let clean = clean_example();
    for &format in Format::all() {
        let exported = render(&hostile, format, today(), now());
        assert!(
            exported == render(&clean, format, today(), now()),
            "the {format} export of the hostile session is not the clean one's"
        );
    }
}

#[test]
fn a_csv_printed_on_a_terminal_cannot_set_its_title() {
    let mut value = example();
    poison(&mut value, &|_| true);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.json");
    std::fs::write(&path, value.to_string()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_convene"))
        .args(["--dir", dir.path().to_str().unwrap(), "export", "edited"])
        .args(["--format", "csv", "-o", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let controls: Vec<char> = csv
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\r' | '\n'))
        .chain(csv.chars().filter(|c| matches!(c, '\u{202a}'..='\u{202e}')))
        .collect();
    assert!(controls.is_empty(), "{controls:?}");
    assert!(!csv.contains("pwned"));
    assert!(csv.contains("Online building permits"), "{csv}");
}
