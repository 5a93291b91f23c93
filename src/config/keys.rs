//! The `[keys.CONTEXT]` tables of the config: each `action = "key"` or
//! `action = ["key", …]` becomes a patch with its line, for the keymap to apply.
//! Whether a context, an action or a key exists is the keymap's to say.

use super::{Problem, position, shown};
/// One binding the user changed: the keymap defines it, and checks it.
pub use crate::app::keys::KeyPatch;
use toml::Spanned;
use toml::de::DeValue;

pub fn parse(text: &str, value: &Spanned<DeValue>, problems: &mut Vec<Problem>) -> Vec<KeyPatch> {
    let line = |at: usize| position(text, at).0;
    let mut problem = |at: usize, message: String| {
        problems.push(Problem {
            line: line(at),
            column: 0,
            message,
        })
    };
    let Some(contexts) = value.get_ref().as_table() else {
        problem(
            value.span().start,
            format!(
                "keys must be tables such as [keys.board], not {}; the default keys are used",
                shown(value)
            ),
        );
        return Vec::new();
    };
    let mut patches = Vec::new();
    for (context, bindings) in contexts {
        let context = context.get_ref().to_string();
        let Some(bindings) = bindings.get_ref().as_table() else {
            problem(
                bindings.span().start,
                format!(
                    "keys.{context} must be a table of action = key lines, not {}; it is ignored",
                    shown(bindings)
                ),
            );
            continue;
        };
        for (action, keys) in bindings {
            let action = action.get_ref().to_string();
            match key_list(keys) {
                Some(list) => patches.push(KeyPatch {
                    context: context.clone(),
                    action,
                    keys: list,
                    line: line(keys.span().start),
                }),
                None => problem(
                    keys.span().start,
                    format!(
                        "keys.{context}.{action} must be a key (\"n\") or a list of keys ([\"n\", \"Insert\"]), not {}; it keeps its default keys",
                        shown(keys)
                    ),
                ),
            }
        }
    }
    patches.sort_by_key(|p| p.line);
    patches
}

/// A key, or a list of keys (`[]` unbinds the action).
fn key_list(value: &Spanned<DeValue>) -> Option<Vec<String>> {
    match value.get_ref() {
        DeValue::String(key) => Some(vec![key.to_string()]),
        DeValue::Array(items) => items
            .iter()
            .map(|item| item.get_ref().as_str().map(str::to_string))
            .collect(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::config::parse;

    /// Each patch the config makes, as `line: context.action = keys`.
    fn patches(text: &str) -> Vec<String> {
        parse(text)
            .0
            .keys
            .iter()
            .map(|p| format!("{}: {}.{} = {:?}", p.line, p.context, p.action, p.keys))
            .collect()
    }

    #[test]
    fn a_key_or_a_list_of_keys_per_action_with_its_line() {
        let text = "bell = true\n\n[keys.board]\nadd = \"n\"\nvote = [\"+\", \"v\"]\n\n[keys.global]\nquit = \"Q\"\n";
        assert_eq!(parse(text).1, []);
        assert_eq!(
            patches(text),
            [
                "4: board.add = [\"n\"]",
                "5: board.vote = [\"+\", \"v\"]",
                "8: global.quit = [\"Q\"]",
            ]
        );
    }

    #[test]
    fn dotted_and_inline_tables_read_the_same() {
        let text = "keys.board.add = \"n\"\nkeys.table = { add_row = [\"o\"] }\n";
        assert_eq!(parse(text).1, []);
        assert_eq!(
            patches(text),
            ["1: board.add = [\"n\"]", "2: table.add_row = [\"o\"]"]
        );
    }

    #[test]
    fn a_binding_that_is_not_keys_is_reported_and_the_others_kept() {
        let text =
            "[keys.board]\nadd = 3\nvote = []\nsort = [\"s\", 1]\ncolour = {}\nmove = \"m\"\n";
        let problems = parse(text).1;
        assert_eq!(
            patches(text),
            ["3: board.vote = []", "6: board.move = [\"m\"]"],
            "[] unbinds"
        );
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 4, 5], "{problems:?}");
        assert!(
            problems[0]
                .message
                .starts_with("keys.board.add must be a key"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn keys_that_are_not_tables_are_reported() {
        let (config, problems) = parse("keys = \"n\"\n");
        assert!(config.keys.is_empty());
        assert!(problems[0].message.contains("[keys.board]"), "{problems:?}");
        let (_, problems) = parse("[keys]\nboard = \"n\"\n");
        assert_eq!(problems[0].line, 2, "{problems:?}");
    }
}
