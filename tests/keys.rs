//! README's key tables are the keymap's own: written from the default bindings
//! between `<!-- keys:CONTEXT -->` and `<!-- /keys:CONTEXT -->`, and checked here.
//! After an intended change, `UPDATE_README=1 cargo test --test keys` writes them.

mod common;

use convene::app::keys::Context;
use convene::app::{Action, KeyPatch, Keymap};
use crossterm::event::KeyCode;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

/// README with every context's table written between its markers.
fn with_tables(readme: &str, keymap: &Keymap) -> Result<String, String> {
    let mut out = readme.to_string();
    for context in Context::ALL {
        let open = format!("<!-- keys:{} -->\n", context.name());
        let close = format!("<!-- /keys:{} -->", context.name());
        let start = out.find(&open).ok_or(format!("README has no {open:?}"))? + open.len();
        let end = start
            + out[start..]
                .find(&close)
                .ok_or(format!("README has no {close:?}"))?;
        if out[end..].contains(&open) {
            return Err(format!("README has {open:?} twice"));
        }
        out.replace_range(start..end, &keymap.markdown_table(context));
    }
    Ok(out)
}

#[test]
fn readme_lists_exactly_the_keys_the_keymap_binds() {
    let readme = std::fs::read_to_string(README).unwrap();
    let expected = with_tables(&readme, &Keymap::default()).unwrap();
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(README, &expected).unwrap();
        return;
    }
    assert!(
        readme == expected,
        "README's key tables differ from the keymap: run \
         UPDATE_README=1 cargo test --test keys, and read the diff"
    );
}

#[test]
fn the_tables_say_every_key_of_a_context() {
    let keymap = Keymap::default();
    let table = keymap.markdown_table(Context::Workshop);
    for key in [
        "`Space`",
        "`=`",
        "`_`",
        "`F1`",
        "`Esc`",
        "`Ctrl-c`",
        "`1`…`9`",
    ] {
        assert!(table.contains(key), "{key} in\n{table}");
    }
    let help = keymap.markdown_table(Context::Help);
    assert!(
        help.contains("| any other key | closes the help |"),
        "{help}"
    );
}

#[test]
fn a_user_who_binds_add_to_n_on_the_board_sees_n_in_the_help_and_adds_with_it() {
    let (keymap, problems) = Keymap::patched(&[KeyPatch {
        context: "board".into(),
        action: "add".into(),
        keys: vec!["n".into()],
        line: 2,
    }]);
    assert_eq!(problems, []);
    let (mut app, _) = common::default_app("Remapped", &["Online permits"]);
    app.keymap = keymap;
    app.update(Action::GoToStep(2));
    common::press_char(&mut app, '?');
    let help = common::screen(&mut app, 120, 40);
    assert!(help.contains("  n  "), "n listed for the board:\n{help}");
    assert!(
        !help.contains("  a, Insert"),
        "the old key is gone from the help:\n{help}"
    );
    common::press(&mut app, KeyCode::Esc);
    common::press_char(&mut app, 'n');
    common::type_text(&mut app, "Publish the permit form");
    common::press(&mut app, KeyCode::Enter);
    common::press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.session.timing.current, 2,
        "n added a note, not the next step"
    );
    let notes = &app.session.boards["tasks"].panes[0].notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Publish the permit form");
    assert!(
        !app.handle_key(common::key(KeyCode::Char('a'))),
        "a is no longer bound here"
    );
    app.update(Action::GoToStep(1));
    common::press_char(&mut app, 'n');
    assert_eq!(
        app.session.timing.current, 2,
        "n is still the next step off the board"
    );
}

#[test]
fn the_screen_names_the_users_keys() {
    let (keymap, problems) = Keymap::patched(&[
        KeyPatch {
            context: "workshop".into(),
            action: "toggle_clock".into(),
            keys: vec!["s".into()],
            line: 1,
        },
        KeyPatch {
            context: "workshop".into(),
            action: "help".into(),
            keys: vec!["F1".into()],
            line: 2,
        },
    ]);
    assert_eq!(problems, []);
    let (mut app, _) = common::default_app("Remapped", &[]);
    app.keymap = keymap;
    let screen = common::screen(&mut app, 100, 30);
    assert!(screen.contains("PAUSED · s to start"), "{screen}");
    assert!(screen.contains(" · F1 help"), "{screen}");
    assert!(!screen.contains("? help"), "{screen}");
}

/// Workshop-wide keys an activity takes for itself on purpose: Esc (and `i`, which
/// opened it) leave the set-up screen, Esc closes the table's detail first.
/// On a groups step `r` draws the groups again: the review meeting (`r` elsewhere) is
/// opened from any other step, or with `convene review`.
const INTENDED: &[(&str, &str)] = &[
    ("setup", "Esc"),
    ("setup", "i"),
    ("table", "Esc"),
    ("groups", "r"),
];

#[test]
fn no_context_shadows_a_workshop_key_unless_intended() {
    let keymap = Keymap::default();
    let workshop: Vec<String> = keymap
        .bindings(Context::Workshop)
        .all()
        .flat_map(|b| b.keys.iter().map(|k| k.to_string()))
        .collect();
    let mut shadowed = Vec::new();
    // The contexts the workshop's keys stand under (a new one is checked as it comes);
    // the editor, the boxes and the mirror take every key for themselves.
    let activities = Context::ALL.into_iter().filter(|c| {
        !matches!(
            c,
            Context::Workshop
                | Context::Editor
                | Context::Help
                | Context::Quit
                | Context::StopSharing
                | Context::Outside
                | Context::Mirror
        )
    });
    for context in activities {
        for binding in keymap.bindings(context).all() {
            for key in &binding.keys {
                let key = key.to_string();
                if workshop.contains(&key) && !INTENDED.contains(&(context.name(), key.as_str())) {
                    shadowed.push(format!("{}: {key} ({})", context.name(), binding.action));
                }
            }
        }
    }
    assert!(shadowed.is_empty(), "shadowed workshop keys: {shadowed:#?}");
}

/// Two actions of one context never share a key (the first would hide the second).
#[test]
fn no_key_is_bound_twice_in_a_context() {
    let keymap = Keymap::default();
    for context in Context::ALL {
        let mut seen = std::collections::HashMap::new();
        for binding in keymap.bindings(context).all() {
            for key in &binding.keys {
                if let Some(other) = seen.insert(key.to_string(), binding.action) {
                    panic!(
                        "{}: {key} is both {other} and {}",
                        context.name(),
                        binding.action
                    );
                }
            }
        }
    }
}
