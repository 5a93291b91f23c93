//! The key bindings of every context, as data. A line of the help names one or more
//! actions, their keys and what they do; dispatch reads the same lines, and README's
//! key tables are written from them, so keys, help and README cannot drift apart.

use super::key::Key;
use crate::app::Action;
use crate::app::editor::EditCommand;
use std::collections::HashSet;

/// Where a key is pressed: each context has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere: the clock, the agenda, undo, quitting.
    Workshop,
    /// The set-up screen (`i`): the title and the initiatives.
    Setup,
    /// The roster screen: the people of the plan.
    Roster,
    /// A briefing that lists the initiatives (the review step).
    Briefing,
    Board,
    Table,
    /// A groups step: the count-off, the names, each group's work.
    Groups,
    /// A step that shows session fields (the objective, the vision).
    Fields,
    /// A summary that shows each group's plan side by side.
    Plenary,
    /// While text is being typed.
    Editor,
    /// The help overlay.
    Help,
    /// "Quit convene?"
    Quit,
    /// "Stop sharing?"
    StopSharing,
    /// The question a change made outside convene asks.
    Outside,
    /// `convene mirror`: the room's screen.
    Mirror,
}

impl Context {
    pub const ALL: [Context; 15] = [
        Context::Workshop,
        Context::Setup,
        Context::Roster,
        Context::Briefing,
        Context::Board,
        Context::Table,
        Context::Groups,
        Context::Fields,
        Context::Plenary,
        Context::Editor,
        Context::Help,
        Context::Quit,
        Context::StopSharing,
        Context::Outside,
        Context::Mirror,
    ];

    /// The name in a config file: `[keys.board]`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Workshop => "workshop",
            Context::Setup => "setup",
            Context::Roster => "roster",
            Context::Briefing => "briefing",
            Context::Board => "board",
            Context::Table => "table",
            Context::Groups => "groups",
            Context::Fields => "fields",
            Context::Plenary => "plenary",
            Context::Editor => "editor",
            Context::Help => "help",
            Context::Quit => "quit",
            Context::StopSharing => "stop_sharing",
            Context::Outside => "outside",
            Context::Mirror => "mirror",
        }
    }

    /// The heading in the help.
    pub fn title(self) -> &'static str {
        match self {
            Context::Workshop => "Workshop",
            Context::Setup | Context::Briefing => "Initiatives",
            Context::Roster => "Roster",
            Context::Board => "Board",
            Context::Table => "Action plan",
            Context::Groups => "Groups",
            Context::Fields => "Session fields",
            Context::Plenary => "Plenary",
            Context::Editor => "Editing",
            Context::Help => "Help",
            Context::Quit => "Quitting",
            Context::StopSharing => "Stop sharing",
            Context::Outside => "Changed outside convene",
            Context::Mirror => "Mirror",
        }
    }

    /// What the context is, for the default config file.
    pub fn about(self) -> &'static str {
        match self {
            Context::Workshop => "Everywhere: the clock, the agenda, undo, help, quitting.",
            Context::Setup => "The set-up screen (i): the session title and the initiatives.",
            Context::Roster => {
                "The roster screen (@): the people of the plan, their role and contacts."
            }
            Context::Briefing => "A briefing that lists the initiatives (the review step).",
            Context::Board => "A board of sticky notes.",
            Context::Table => "A table of the plan (actions, benchmarks, milestones…).",
            Context::Groups => "A groups step: how many groups, the names, each group's work.",
            Context::Fields => "A step that shows the session's fields (objective, vision).",
            Context::Plenary => "A plenary: each group's plan side by side.",
            Context::Editor => "While text is typed (other keys type, move and delete).",
            Context::Help => "The help box.",
            Context::Quit => "The question \"Quit convene?\".",
            Context::StopSharing => "The question \"Stop sharing?\".",
            Context::Outside => {
                "The question a change made to the session file outside convene asks."
            }
            Context::Mirror => "convene mirror: the room's screen, read-only.",
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// What a binding does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Does {
    Act(Action),
    /// The first key goes to step 1, the second to step 2…
    GoToStep,
    /// A command of the open editor.
    Edit(EditCommand),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// A stable snake_case name: the one a config file uses.
    pub action: &'static str,
    pub keys: Vec<Key>,
    pub does: Does,
}

/// One line of the help: the actions it names, and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub help: &'static str,
    pub bindings: Vec<Binding>,
}

/// A context's bindings, and what a key bound to nothing there does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bindings {
    pub context: Context,
    pub lines: Vec<Line>,
    /// (help, action) for every other key: the help and quit boxes close on any key.
    pub otherwise: Option<(&'static str, Action)>,
}

impl Bindings {
    pub fn all(&self) -> impl Iterator<Item = &Binding> {
        self.lines.iter().flat_map(|l| &l.bindings)
    }

    pub fn binding(&self, action: &str) -> Option<&Binding> {
        self.all().find(|b| b.action == action)
    }

    pub(super) fn binding_mut(&mut self, action: &str) -> Option<&mut Binding> {
        self.lines
            .iter_mut()
            .flat_map(|l| &mut l.bindings)
            .find(|b| b.action == action)
    }

    /// The binding a key triggers here, and the key's place among its keys.
    fn find(&self, key: Key) -> Option<(&Binding, usize)> {
        self.all()
            .find_map(|b| b.keys.iter().position(|k| *k == key).map(|i| (b, i)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// In the order of `Context::ALL`.
    contexts: Vec<Bindings>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap::from_contexts(super::defaults::contexts())
    }
}

impl Keymap {
    pub(super) fn from_contexts(contexts: Vec<Bindings>) -> Keymap {
        debug_assert!(
            contexts
                .iter()
                .map(|b| b.context)
                .eq(Context::ALL.into_iter())
        );
        Keymap { contexts }
    }

    pub fn bindings(&self, context: Context) -> &Bindings {
        &self.contexts[context as usize]
    }

    pub(super) fn bindings_mut(&mut self, context: Context) -> &mut Bindings {
        &mut self.contexts[context as usize]
    }

    /// The keys of one action (none if it is unbound or unknown).
    pub fn keys(&self, context: Context, action: &str) -> &[Key] {
        self.bindings(context)
            .binding(action)
            .map_or(&[], |b| b.keys.as_slice())
    }

    /// The first key of each action, "y" or "K/J", for a screen's own hints.
    pub fn first_keys(&self, context: Context, actions: &[&str]) -> String {
        actions
            .iter()
            .filter_map(|a| self.keys(context, a).first())
            .map(Key::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The action a key stands for in a context. A key with Shift that nothing takes
    /// as such does what it does without Shift (Shift-Home is Home).
    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        let bindings = self.bindings(context);
        let found = bindings
            .find(key)
            .or_else(|| bindings.find(key.unshifted()?));
        match found {
            Some((binding, i)) => match &binding.does {
                Does::Act(action) => Some(action.clone()),
                Does::GoToStep => Some(Action::GoToStep(i)),
                Does::Edit(_) => None,
            },
            None => bindings.otherwise.as_ref().map(|(_, a)| a.clone()),
        }
    }

    /// The editor command a key stands for while text is typed.
    pub fn edit_command(&self, key: Key) -> Option<EditCommand> {
        match self.bindings(Context::Editor).find(key)?.0.does {
            Does::Edit(command) => Some(command),
            _ => None,
        }
    }

    /// The key that quits at once: it works everywhere, even while typing.
    pub fn is_force_quit(&self, key: Key) -> bool {
        self.keys(Context::Workshop, FORCE_QUIT).contains(&key)
    }

    /// The help lines of a context: (keys, what they do). Keys in `taken` are left
    /// out (a context before this one has them), and this context's are added.
    pub fn help_lines(
        &self,
        context: Context,
        taken: &mut HashSet<Key>,
    ) -> Vec<(String, &'static str)> {
        let bindings = self.bindings(context);
        let lines: Vec<(String, &'static str)> = bindings
            .lines
            .iter()
            .filter_map(|line| {
                let label = line.label(|k| (!taken.contains(&k)).then(|| k.to_string()));
                (!label.is_empty()).then_some((label, line.help))
            })
            .collect();
        taken.extend(bindings.all().flat_map(|b| b.keys.iter().copied()));
        lines
    }

    /// A context's keys as a Markdown table, for README.
    pub fn markdown_table(&self, context: Context) -> String {
        let bindings = self.bindings(context);
        let mut out = String::from("| keys | what they do |\n| --- | --- |\n");
        let code = |k: Key| {
            let name = k.to_string().replace('|', "\\|");
            Some(if name.contains('`') {
                format!("`` {name} ``")
            } else {
                format!("`{name}`")
            })
        };
        for line in &bindings.lines {
            let label = line.label(code);
            if !label.is_empty() {
                out.push_str(&format!("| {label} | {} |\n", line.help));
            }
        }
        if let Some((help, _)) = bindings.otherwise {
            out.push_str(&format!("| any other key | {help} |\n"));
        }
        out
    }
}

/// The action that quits at once.
pub const FORCE_QUIT: &str = "force_quit";

impl Line {
    /// The line's keys as the help writes them: `Enter, e` for one action; `n/p,
    /// PgDn/PgUp` for actions with as many keys each; `u, Ctrl-z / U, Ctrl-r, Ctrl-y`
    /// otherwise; `1…9` for a run of characters. `name` writes a key, or leaves it
    /// out with `None`.
    pub fn label(&self, name: impl Fn(Key) -> Option<String>) -> String {
        let lists: Vec<Vec<(Key, String)>> = self
            .bindings
            .iter()
            .map(|b| {
                b.keys
                    .iter()
                    .filter_map(|&k| name(k).map(|n| (k, n)))
                    .collect::<Vec<_>>()
            })
            .filter(|l| !l.is_empty())
            .collect();
        match lists.as_slice() {
            [] => String::new(),
            [one] => run(one).unwrap_or_else(|| names(one).join(", ")),
            [first, rest @ ..] if rest.iter().all(|l| l.len() == first.len()) => (0..first.len())
                .map(|i| {
                    lists
                        .iter()
                        .map(|l| l[i].1.as_str())
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .collect::<Vec<_>>()
                .join(", "),
            _ => lists
                .iter()
                .map(|l| names(l).join(", "))
                .collect::<Vec<_>>()
                .join(" / "),
        }
    }
}

fn names(keys: &[(Key, String)]) -> Vec<&str> {
    keys.iter().map(|(_, n)| n.as_str()).collect()
}

/// "1…9" for three or more characters in a row.
fn run(keys: &[(Key, String)]) -> Option<String> {
    let chars: Vec<char> = keys.iter().map(|(k, _)| k.char()).collect::<Option<_>>()?;
    let consecutive = chars
        .windows(2)
        .all(|w| u32::from(w[1]) == u32::from(w[0]) + 1);
    (chars.len() >= 3 && consecutive).then(|| {
        format!(
            "{}…{}",
            keys[0].1,
            keys.last().map_or("", |(_, n)| n.as_str())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_has_keys_help_and_a_stable_name() {
        let keymap = Keymap::default();
        for context in Context::ALL {
            let bindings = keymap.bindings(context);
            let mut names = HashSet::new();
            for line in &bindings.lines {
                assert!(
                    !line.help.trim().is_empty(),
                    "{context:?}: a line without help"
                );
                assert!(!line.bindings.is_empty(), "{context:?}: {:?}", line.help);
                for b in &line.bindings {
                    assert!(!b.keys.is_empty(), "{context:?}.{} has no key", b.action);
                    assert!(
                        b.action.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                        "{context:?}.{} is not snake_case",
                        b.action
                    );
                    assert!(names.insert(b.action), "{context:?}.{} twice", b.action);
                }
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        assert_eq!(super::super::patch::clashes(&Keymap::default()), []);
    }

    #[test]
    fn a_line_writes_its_keys_as_the_help_shows_them() {
        let keymap = Keymap::default();
        let label = |context: Context, action: &str| {
            let line = keymap
                .bindings(context)
                .lines
                .iter()
                .find(|l| l.bindings.iter().any(|b| b.action == action))
                .unwrap();
            line.label(|k| Some(k.to_string()))
        };
        assert_eq!(label(Context::Workshop, "go_to_step"), "1…9");
        assert_eq!(label(Context::Workshop, "next_step"), "n/p, PgDn/PgUp");
        assert_eq!(
            label(Context::Workshop, "undo"),
            "u, Ctrl-z / U, Ctrl-r, Ctrl-y"
        );
        assert_eq!(label(Context::Table, "edit"), "Enter, e, F2");
        assert_eq!(label(Context::Board, "next_pane"), "Tab/Shift-Tab");
    }

    #[test]
    fn keys_dispatch_from_the_same_lines() {
        let keymap = Keymap::default();
        let key = |name: &str| Key::parse(name).unwrap();
        assert_eq!(
            keymap.action(Context::Workshop, key("7")),
            Some(Action::GoToStep(6))
        );
        assert_eq!(
            keymap.action(Context::Workshop, key("=")),
            Some(Action::AddMinute)
        );
        assert_eq!(
            keymap.action(Context::Table, key("Shift-Up")),
            Some(Action::Table(crate::app::table::TableAction::MoveUp))
        );
        assert_eq!(
            keymap.action(Context::Board, key("Shift-Home")),
            Some(Action::Board(crate::app::board::BoardAction::Ends {
                last: false
            })),
            "Shift-Home is Home"
        );
        assert_eq!(keymap.action(Context::Board, key("%")), None);
        assert_eq!(
            keymap.action(Context::Help, key("%")),
            Some(Action::Back),
            "any other key closes the help"
        );
        assert_eq!(
            keymap.edit_command(key("Ctrl-j")),
            Some(EditCommand::NewLine)
        );
    }
}
