//! The user's changes to the keys, as a patch over the defaults (only what changes),
//! and the commented default file a user starts from. Reading the TOML is the
//! config's job; this side checks each change against the keymap.

use super::key::Key;
use super::keymap::{Context, FORCE_QUIT, Keymap};
use std::collections::HashMap;

/// One change from the config: `[keys.board] add = "n"` (on line 12) is
/// `KeyPatch { context: "board", action: "add", keys: vec!["n"], line: 12 }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPatch {
    pub context: String,
    pub action: String,
    pub keys: Vec<String>,
    pub line: usize,
}

/// A change that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProblem {
    pub line: usize,
    pub message: String,
}

/// A key bound to two actions of one context (or taken from force_quit, which works
/// in every context).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clash {
    pub context: Context,
    pub key: Key,
    pub first: &'static str,
    pub second: &'static str,
}

/// Every key bound twice in a context of `keymap`.
pub fn clashes(keymap: &Keymap) -> Vec<Clash> {
    let force_quit = keymap.keys(Context::Workshop, FORCE_QUIT);
    let mut found = Vec::new();
    for context in Context::ALL {
        let mut seen: HashMap<Key, &'static str> = HashMap::new();
        for binding in keymap.bindings(context).all() {
            for &key in &binding.keys {
                let other = seen
                    .insert(key, binding.action)
                    .or((force_quit.contains(&key) && binding.action != FORCE_QUIT)
                        .then_some(FORCE_QUIT));
                if let Some(first) = other {
                    found.push(Clash {
                        context,
                        key,
                        first,
                        second: binding.action,
                    });
                }
            }
        }
    }
    found
}

impl Keymap {
    /// Applies the user's changes: each patch replaces the keys of one action in one
    /// context. An unknown context or action, an unreadable key, or a key that would
    /// then be bound twice in one context is reported (with the patch's line) and
    /// that patch is skipped.
    pub fn patched(patches: &[KeyPatch]) -> (Keymap, Vec<KeyProblem>) {
        let defaults = Keymap::default();
        let mut keymap = defaults.clone();
        let mut problems = Vec::new();
        // (context, action) → the patch that set it.
        let mut applied: HashMap<(Context, &'static str), &KeyPatch> = HashMap::new();
        for patch in patches {
            match checked(&defaults, patch) {
                Ok((context, action, keys)) => {
                    let binding = keymap
                        .bindings_mut(context)
                        .binding_mut(action)
                        .expect("checked");
                    binding.keys = keys;
                    applied.insert((context, action), patch);
                }
                Err(message) => problems.push(KeyProblem {
                    line: patch.line,
                    message: format!("{}: {message}", where_(patch)),
                }),
            }
        }
        // A clash skips the change that made it (the later one when both are
        // changes); skipping one can bring back a default key another change took,
        // so look again until nothing clashes.
        loop {
            let next = clashes(&keymap).into_iter().find_map(|c| {
                let first = if c.first == FORCE_QUIT {
                    (Context::Workshop, FORCE_QUIT)
                } else {
                    (c.context, c.first)
                };
                let second = (c.context, c.second);
                let skip = match (applied.get(&first), applied.get(&second)) {
                    (Some(a), Some(b)) if a.line > b.line => first,
                    (_, Some(_)) => second,
                    (Some(_), None) => first,
                    (None, None) => return None,
                };
                let other = if skip == second { c.first } else { c.second };
                Some((c.key, skip, other))
            });
            let Some((key, (context, action), other)) = next else {
                break;
            };
            let patch = applied.remove(&(context, action)).expect("a change");
            let default_keys = defaults.keys(context, action).to_vec();
            if let Some(binding) = keymap.bindings_mut(context).binding_mut(action) {
                binding.keys = default_keys;
            }
            let taken = if other == FORCE_QUIT {
                "quits at once everywhere (force_quit)".to_string()
            } else {
                format!("is bound to {other} here")
            };
            problems.push(KeyProblem {
                line: patch.line,
                message: format!(
                    "{}: {key} {taken}; this change is skipped (give {other} another key first)",
                    where_(patch)
                ),
            });
        }
        problems.sort_by_key(|p| p.line);
        (keymap, problems)
    }

    /// The bindings whose keys differ from the defaults: what a config changed and
    /// the keymap took, in the keymap's order.
    pub fn changes(&self) -> Vec<(Context, &'static str, &[Key])> {
        let defaults = Keymap::default();
        Context::ALL
            .into_iter()
            .flat_map(|context| {
                let defaults = &defaults;
                self.bindings(context)
                    .all()
                    .filter(move |b| defaults.keys(context, b.action) != b.keys.as_slice())
                    .map(move |b| (context, b.action, b.keys.as_slice()))
            })
            .collect()
    }

    /// A commented TOML `[keys.CONTEXT]` section per context listing every action,
    /// its default keys and its help, for `convene config --default`.
    pub fn default_toml() -> String {
        Keymap::default().to_toml()
    }

    /// The same sections with this keymap's keys: the effective keys, for `convene
    /// config`.
    pub fn to_toml(&self) -> String {
        let keymap = self;
        let mut out = String::from(
            "# Keys: each action takes a key or a list of keys (\"n\", [\"n\", \"Insert\"]);\n\
             # [] unbinds it. Only what you change needs to stay. A key is a character as\n\
             # typed (\"n\", \"N\", \"?\") or a name: Space, Enter, Esc, Tab, Shift-Tab, Backspace,\n\
             # Delete, Insert, Home, End, PgUp, PgDn, Up, Down, Left, Right, F1 to F24, with\n\
             # Ctrl-, Alt- or Shift- in front (\"Ctrl-z\", \"Alt-Enter\", \"Shift-Up\").\n",
        );
        for context in Context::ALL {
            let bindings = keymap.bindings(context);
            out.push_str(&format!(
                "\n[keys.{}]\n# {}\n",
                context.name(),
                context.about()
            ));
            for line in &bindings.lines {
                out.push_str(&format!("\n# {}\n", line.help));
                for binding in &line.bindings {
                    let keys: Vec<String> = binding
                        .keys
                        .iter()
                        .map(|k| toml_string(&k.to_string()))
                        .collect();
                    let value = match keys.as_slice() {
                        [one] => one.clone(),
                        _ => format!("[{}]", keys.join(", ")),
                    };
                    out.push_str(&format!("{} = {value}\n", binding.action));
                }
            }
            if let Some((help, _)) = bindings.otherwise {
                out.push_str(&format!("\n# any other key {help}\n"));
            }
        }
        out
    }
}

/// `[keys.board] add` for messages.
fn where_(patch: &KeyPatch) -> String {
    format!("[keys.{}] {}", patch.context, patch.action)
}

/// Checks one patch against the default keymap: which binding it changes and to
/// which keys (in order, each once).
fn checked(
    defaults: &Keymap,
    patch: &KeyPatch,
) -> Result<(Context, &'static str, Vec<Key>), String> {
    let context = Context::from_name(&patch.context).ok_or_else(|| {
        let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
        format!("no such set of keys; there are {}", names.join(", "))
    })?;
    let bindings = defaults.bindings(context);
    let binding = bindings.binding(&patch.action).ok_or_else(|| {
        let names: Vec<&str> = bindings.all().map(|b| b.action).collect();
        format!("no such action here; there are {}", names.join(", "))
    })?;
    let mut keys: Vec<Key> = Vec::with_capacity(patch.keys.len());
    for name in &patch.keys {
        let key = Key::parse(name)?;
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    if binding.action == FORCE_QUIT && (keys.is_empty() || keys.iter().any(|k| !k.is_command())) {
        return Err(
            "it works even while typing, so it needs keys with Ctrl or Alt, or function keys \
             (such as \"Ctrl-c\")"
                .to_string(),
        );
    }
    Ok((context, binding.action, keys))
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::board::BoardAction;

    fn patch(context: &str, action: &str, keys: &[&str], line: usize) -> KeyPatch {
        KeyPatch {
            context: context.into(),
            action: action.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            line,
        }
    }

    fn key(name: &str) -> Key {
        Key::parse(name).unwrap()
    }

    #[test]
    fn two_keys_remapped_swap_cleanly() {
        let (keymap, problems) = Keymap::patched(&[
            patch("board", "vote", &["V"], 3),
            patch("board", "unvote", &["v"], 4),
        ]);
        assert_eq!(problems, []);
        assert_eq!(
            keymap.action(Context::Board, key("V")),
            Some(Action::Board(BoardAction::Vote))
        );
        assert_eq!(
            keymap.action(Context::Board, key("v")),
            Some(Action::Board(BoardAction::Unvote))
        );
    }

    #[test]
    fn a_clash_is_reported_with_its_line_and_skipped() {
        let (keymap, problems) = Keymap::patched(&[
            patch("board", "add", &["d"], 7),
            patch("table", "sort", &["S"], 9),
        ]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 7);
        assert!(
            problems[0]
                .message
                .contains("[keys.board] add: d is bound to delete here"),
            "{}",
            problems[0].message
        );
        assert_eq!(
            keymap.keys(Context::Board, "add"),
            Keymap::default().keys(Context::Board, "add")
        );
        assert_eq!(keymap.keys(Context::Board, "delete")[0], key("d"));
    }

    #[test]
    fn skipping_a_clash_can_bring_back_a_key_a_later_change_took() {
        // vote takes V from unvote (clash: skipped, vote is v again), and sort took v.
        let (keymap, problems) = Keymap::patched(&[
            patch("board", "vote", &["V"], 2),
            patch("board", "sort", &["v"], 5),
        ]);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 5], "{problems:?}");
        assert_eq!(keymap, Keymap::default());
    }

    #[test]
    fn unknown_names_and_unreadable_keys_are_reported() {
        let (keymap, problems) = Keymap::patched(&[
            patch("bored", "add", &["n"], 1),
            patch("board", "paint", &["n"], 2),
            patch("board", "add", &["Ctrl-"], 3),
            patch("workshop", "force_quit", &["x"], 4),
            patch("table", "duplicate", &["Ctrl-c"], 5),
        ]);
        assert_eq!(keymap, Keymap::default());
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert!(messages[0].contains("[keys.bored] add: no such set of keys; there are workshop"));
        assert!(messages[1].contains("no such action here; there are add, edit"));
        assert!(messages[2].contains("\"Ctrl-\" is not a key"));
        assert!(messages[3].contains("needs keys with Ctrl or Alt"));
        assert!(
            messages[4].contains("Ctrl-c quits at once everywhere"),
            "{}",
            messages[4]
        );
    }

    #[test]
    fn an_action_can_be_unbound() {
        let (keymap, problems) = Keymap::patched(&[patch("workshop", "toggle_bell", &[], 1)]);
        assert_eq!(problems, []);
        assert_eq!(keymap.action(Context::Workshop, key("b")), None);
        assert!(keymap.to_toml().contains("\ntoggle_bell = []\n"));
        assert_eq!(
            keymap.changes(),
            [(Context::Workshop, "toggle_bell", &[][..])],
            "the one change, and nothing else"
        );
    }

    /// The default file, read as the config reads it, patches nothing away.
    fn patches_of(text: &str) -> Vec<KeyPatch> {
        let doc: toml::Table = text.parse().expect("the default file is TOML");
        let mut patches = Vec::new();
        for (context, actions) in doc["keys"].as_table().unwrap() {
            for (action, value) in actions.as_table().unwrap() {
                let keys = match value {
                    toml::Value::String(k) => vec![k.clone()],
                    toml::Value::Array(a) => {
                        a.iter().map(|k| k.as_str().unwrap().to_string()).collect()
                    }
                    other => panic!("{other:?}"),
                };
                let line = text
                    .lines()
                    .position(|l| l.starts_with(&format!("{action} =")))
                    .unwrap();
                patches.push(patch(context, action, &[], line));
                patches.last_mut().unwrap().keys = keys;
            }
        }
        patches
    }

    #[test]
    fn the_default_file_lists_every_action_and_reads_back_as_the_defaults() {
        let text = Keymap::default_toml();
        let patches = patches_of(&text);
        let defaults = Keymap::default();
        let actions: usize = Context::ALL
            .iter()
            .map(|&c| defaults.bindings(c).all().count())
            .sum();
        assert_eq!(patches.len(), actions, "every action once");
        let (keymap, problems) = Keymap::patched(&patches);
        assert_eq!(problems, []);
        assert_eq!(keymap, defaults);
        assert!(text.contains("[keys.board]\n# A board of sticky notes.\n"));
        assert!(text.contains("# add / take back a vote\nvote = \"v\"\nunvote = \"V\"\n"));
        assert!(text.contains("go_to_step = [\"1\", \"2\", \"3\""));
    }
}
