//! The roster screen (`@`): the people of the plan, their role, email and phone, added
//! one after another, filled from the names typed in the plan in one key.

use super::editor::{EditTarget, Editor};
use super::{App, Screen};
use crate::domain::roster::{FIELDS, Person};
use crate::domain::text::sanitize_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterAction {
    Up,
    Down,
    Left,
    Right,
    /// A new person: name, then role, email and phone (Enter moves on, Esc stops).
    Add,
    Edit,
    Delete,
    /// Adds everyone named in the plan's person columns who is not on it yet.
    Fill,
}

/// The selected person and field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RosterUi {
    pub row: usize,
    pub field: usize,
}

impl App {
    pub(super) fn toggle_roster(&mut self) {
        self.commit_open_editor();
        self.screen = match self.screen {
            Screen::Roster => Screen::Projector,
            _ => Screen::Roster,
        };
    }

    pub(super) fn roster_action(&mut self, action: RosterAction) {
        let len = self.session.roster.len();
        self.roster.row = self.roster.row.min(len.saturating_sub(1));
        let ui = &mut self.roster;
        let (row, field) = (ui.row, ui.field);
        match action {
            RosterAction::Up => ui.row = ui.row.saturating_sub(1),
            RosterAction::Down => ui.row = (ui.row + 1).min(len.saturating_sub(1)),
            RosterAction::Left => ui.field = ui.field.saturating_sub(1),
            RosterAction::Right => ui.field = (ui.field + 1).min(FIELDS.len() - 1),
            RosterAction::Add => self.editor = Some(self.person_editor(None, 0, true)),
            RosterAction::Edit if len == 0 => self.editor = Some(self.person_editor(None, 0, true)),
            RosterAction::Edit => {
                self.editor = Some(self.person_editor(Some(row), field, false));
            }
            RosterAction::Delete if len > 0 => {
                let name = self.session.roster[row].name.clone();
                self.record(format!("remove {name} from the roster"));
                self.session.roster.remove(row);
                self.roster.row = self.roster.row.min(len.saturating_sub(2));
                self.after_content_change();
                self.say(format!("{name} is off the roster (u to undo)"));
            }
            RosterAction::Delete => {}
            RosterAction::Fill => {
                if self.session.names_not_on_roster().is_empty() {
                    return self.say("Everyone named in the plan is on the roster");
                }
                self.record("add the plan's names to the roster");
                let n = self.session.fill_roster();
                self.after_content_change();
                self.say(format!(
                    "{n} {} from the plan added: give each a role and a contact",
                    if n == 1 { "name" } else { "names" }
                ));
            }
        }
    }

    /// An editor for field `field` of person `index` (`None`: a new person's name).
    fn person_editor(&self, index: Option<usize>, field: usize, chain: bool) -> Editor {
        let text = index
            .and_then(|i| self.session.roster.get(i))
            .map_or("", |p| p.field(field));
        let then = if chain {
            " (Enter: next, Esc: stop)"
        } else {
            ""
        };
        let label = format!("{}{then}", FIELDS[field]);
        let editor = Editor::new(
            EditTarget::Person {
                index,
                field,
                chain,
            },
            label,
            text,
            false,
        );
        if field == 0 {
            editor.with_completions(self.session.names_not_on_roster())
        } else {
            editor
        }
    }

    pub(super) fn commit_person(
        &mut self,
        index: Option<usize>,
        field: usize,
        chain: bool,
        text: &str,
    ) -> Option<Editor> {
        let value = sanitize_line(text).trim().to_string();
        let named = self.session.roster.iter().position(|p| p.is(&value));
        let index = match index {
            Some(i) if i < self.session.roster.len() => i,
            Some(_) => return None,
            // A new person exists once named.
            None if value.is_empty() => return None,
            // One entry a person: the digest and the calendar find people by name.
            None if named.is_some() => {
                let i = named.unwrap_or_default();
                self.roster.row = i;
                self.say(format!(
                    "{} is already on the roster: their details follow",
                    self.session.roster[i].name
                ));
                return chain.then(|| self.person_editor(Some(i), 1, true));
            }
            None => {
                self.record(format!("add {value} to the roster"));
                self.session.roster.push(Person {
                    name: value,
                    ..Person::default()
                });
                self.after_content_change();
                let i = self.session.roster.len() - 1;
                self.roster.row = i;
                return chain.then(|| self.person_editor(Some(i), 1, true));
            }
        };
        let taken = field == 0 && named.is_some_and(|i| i != index);
        if taken {
            self.say(format!(
                "{value} is already on the roster: the name stays {}",
                self.session.roster[index].name
            ));
        } else if self.session.roster[index].field(field) != value
            && !(field == 0 && value.is_empty())
        {
            self.record(format!("edit {}", FIELDS[field].to_lowercase()));
            self.session.roster[index].set_field(field, value);
            self.after_content_change();
        }
        self.roster.field = field;
        (chain && field + 1 < FIELDS.len())
            .then(|| self.person_editor(Some(index), field + 1, true))
    }
}
