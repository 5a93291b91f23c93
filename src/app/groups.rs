//! The groups step: how many groups, who is in which (counted off or drawn at random
//! from the names typed), and what each works on. Groups live in the session, so undo
//! covers every change and a reopened file shows the groups the room formed.

use super::App;
use super::editor::{EditTarget, Editor};
use crate::domain::groups::{Groups, Method};
use crate::domain::template::{Activity, GroupWork, GroupsSpec};
use crate::domain::text::sanitize_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupsAction {
    More,
    Fewer,
    /// Type the participants' names, one a line.
    Participants,
    /// A new random draw.
    Redraw,
    /// Counting off, or at random.
    Method,
    /// The group whose work the next keys change.
    Select {
        forward: bool,
    },
    Work {
        forward: bool,
    },
}

/// The facilitator's focus on the groups screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupsUi {
    /// 1-based, as the room counts.
    pub selected: u32,
}

impl App {
    fn groups_spec(&self) -> Option<GroupsSpec> {
        match self.activity() {
            Activity::Groups(spec) => Some(spec.clone()),
            _ => None,
        }
    }

    fn initiative_ids(&self) -> Vec<u64> {
        self.session.initiatives.iter().map(|i| i.id).collect()
    }

    /// The room forms groups when it reaches a groups step: the template's count,
    /// counted off, each given work. Reaching it again keeps what was formed.
    pub(super) fn form_groups(&mut self) {
        let Some(spec) = self.groups_spec() else {
            return;
        };
        let ids = self.initiative_ids();
        let before = self.session.groups.clone();
        match &mut self.session.groups {
            Some(groups) => groups.fit_work(&self.session.workshop, spec.work, &ids),
            None => {
                let seed = self.now().timestamp_millis().unsigned_abs();
                let groups = Groups::new(spec.count, seed, &self.session.workshop, spec.work, &ids);
                self.session.groups = Some(groups);
            }
        }
        self.groups.selected = self.groups.selected.max(1);
        if self.session.groups != before {
            self.touch();
        }
    }

    pub(super) fn groups_action(&mut self, action: GroupsAction) {
        self.form_groups();
        let (Some(spec), Some(groups)) = (self.groups_spec(), self.session.groups.clone()) else {
            return;
        };
        let ids = self.initiative_ids();
        match action {
            GroupsAction::More | GroupsAction::Fewer => {
                let count = if action == GroupsAction::More {
                    groups.count + 1
                } else {
                    groups.count.saturating_sub(1)
                };
                let count = count.clamp(1, crate::domain::groups::MAX_GROUPS);
                if count == groups.count {
                    return self.say(format!("{count} groups is as far as it goes"));
                }
                self.record(format!("{count} groups"));
                self.change_groups(|g, t| g.set_count(count, t, spec.work, &ids));
                self.groups.selected = self.groups.selected.min(count);
                self.say(format!("{count} groups"));
            }
            GroupsAction::Participants => {
                let names = groups.participants.join("\n");
                self.editor = Some(Editor::new(
                    EditTarget::Participants,
                    "Participants, one a line, in the order they sit (Alt+Enter: next line, \
                     Enter keeps them)",
                    &names,
                    true,
                ));
            }
            GroupsAction::Redraw => {
                if groups.participants.is_empty() {
                    return self.say("Type the names first (a): a draw deals names into groups");
                }
                self.record("draw the groups again");
                let seed =
                    self.now().timestamp_millis().unsigned_abs() ^ groups.seed.rotate_left(17);
                self.change_groups(|g, _| {
                    g.method = Method::Random;
                    g.seed = seed;
                    g.reassign();
                });
                self.say("Drawn again at random (u undoes)");
            }
            GroupsAction::Method => {
                let method = match groups.method {
                    Method::CountOff => Method::Random,
                    Method::Random => Method::CountOff,
                };
                self.record("change how groups form");
                self.change_groups(|g, _| {
                    g.method = method;
                    g.reassign();
                });
                self.say(format!("Groups formed {}", method.formed()));
            }
            GroupsAction::Select { forward } => {
                let n = groups.count;
                let s = self.groups.selected.clamp(1, n);
                self.groups.selected = if forward {
                    s % n + 1
                } else {
                    (s + n - 2) % n + 1
                };
            }
            GroupsAction::Work { forward } => self.cycle_work(spec.work, forward),
        }
    }

    /// Changes the session's groups (recorded by the caller) with the template at hand.
    fn change_groups(
        &mut self,
        change: impl FnOnce(&mut Groups, &crate::domain::template::Template),
    ) {
        if let Some(groups) = &mut self.session.groups {
            change(groups, &self.session.workshop);
        }
        self.after_content_change();
    }

    /// Gives the selected group the next (or previous) initiative or table.
    fn cycle_work(&mut self, work: GroupWork, forward: bool) {
        let group = self.groups.selected.max(1);
        let Some(current) = self
            .session
            .groups
            .as_ref()
            .and_then(|g| g.work_of(group))
            .cloned()
        else {
            return;
        };
        let step = |at: Option<usize>, n: usize| match (at, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, _) => 0,
        };
        let mut next = current.clone();
        let name = match work {
            GroupWork::Initiatives => {
                let ids = self.initiative_ids();
                if ids.is_empty() {
                    return self.warn("No initiatives to give out yet: i, then a, adds them");
                }
                let at = current
                    .initiative
                    .and_then(|id| ids.iter().position(|&i| i == id));
                let id = ids[step(at, ids.len())];
                next.initiative = Some(id);
                self.session
                    .initiative(id)
                    .map(|i| i.name.clone())
                    .unwrap_or_default()
            }
            GroupWork::Tables => {
                let tables = &self.session.workshop.tables;
                let at = current
                    .table
                    .as_ref()
                    .and_then(|k| tables.iter().position(|t| &t.key == k));
                let table = &tables[step(at, tables.len())];
                next.table = Some(table.key.clone());
                table.title.clone()
            }
        };
        self.record(format!("group {group}'s work"));
        self.change_groups(|g, _| {
            if let Some(w) = g.work.iter_mut().find(|w| w.group == group) {
                *w = next;
            }
        });
        self.say(format!("Group {group} works on {}", sanitize_line(&name)));
    }

    /// The names typed: one a line (commas too), cleaned, blanks dropped; the groups
    /// are dealt again.
    pub(super) fn commit_participants(&mut self, text: String) -> Option<Editor> {
        let names: Vec<String> = text
            .split(['\n', ','])
            .map(|n| sanitize_line(n).trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        if self
            .session
            .groups
            .as_ref()
            .is_some_and(|g| g.participants == names)
        {
            return None;
        }
        self.record("participants");
        let n = names.len();
        self.change_groups(|g, _| {
            g.participants = names;
            g.reassign();
        });
        self.say(format!("{n} participants dealt into groups"));
        None
    }
}
