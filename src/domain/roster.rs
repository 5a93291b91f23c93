//! Who must be told: the people of a plan with their role and how to reach them (seed
//! 001's communication plan, seed 002's notification rosters). Names typed in the
//! tables' person columns fill the roster in one key; the roster's names complete the
//! person and "kept informed" columns.

use super::session::Session;
use super::template::{ColumnKind, ColumnSpec};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
}

/// A person's fields in the order the roster shows them.
pub const FIELDS: [&str; 4] = ["Name", "Role", "Email", "Phone"];

impl Person {
    pub fn field(&self, i: usize) -> &str {
        match i {
            0 => &self.name,
            1 => &self.role,
            2 => &self.email,
            _ => &self.phone,
        }
    }

    pub fn set_field(&mut self, i: usize, value: String) {
        match i {
            0 => self.name = value,
            1 => self.role = value,
            2 => self.email = value,
            _ => self.phone = value,
        }
    }

    /// Whether `name` (one name of a cell, say "ana lopez") is this person.
    pub fn is(&self, name: &str) -> bool {
        self.name.trim().eq_ignore_ascii_case(name.trim())
    }
}

/// A column the roster's names complete: a person column, or a text column that says
/// who is kept informed, supports, or is told ("Supported by / kept informed",
/// "Communication", "Who is notified").
pub fn names_people(column: &ColumnSpec) -> bool {
    let title = column.title.to_lowercase();
    column.kind == ColumnKind::Person
        || (matches!(column.kind, ColumnKind::Text | ColumnKind::LongText)
            && [
                "inform",
                "notif",
                "support",
                "communicat",
                "told",
                "audience",
            ]
            .iter()
            .any(|w| title.contains(w) || column.key.contains(w)))
}

impl Session {
    /// The person on the roster with this name.
    pub fn person(&self, name: &str) -> Option<&Person> {
        self.roster.iter().find(|p| p.is(name))
    }

    /// Names typed in the tables' person columns that are not on the roster yet, most
    /// used first.
    pub fn names_not_on_roster(&self) -> Vec<String> {
        self.tables
            .people(&self.workshop)
            .into_iter()
            .filter(|n| self.person(n).is_none())
            .collect()
    }

    /// Adds everyone named in the plan who is not on the roster; returns how many.
    pub fn fill_roster(&mut self) -> usize {
        let missing = self.names_not_on_roster();
        let n = missing.len();
        self.roster.extend(missing.into_iter().map(|name| Person {
            name,
            ..Person::default()
        }));
        n
    }

    /// What a person or "kept informed" cell offers while typing: the roster's names,
    /// then the names typed elsewhere in the plan.
    pub fn name_completions(&self) -> Vec<String> {
        let mut names: Vec<String> = self.roster.iter().map(|p| p.name.clone()).collect();
        for name in self.tables.people(&self.workshop) {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                names.push(name);
            }
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::PlanRow;
    use crate::domain::template::Template;
    use chrono::TimeZone;

    fn session() -> Session {
        let at = chrono::Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let mut s = Session::new(Template::default_template(), "Plan", at);
        s.plan_mut().rows = vec![
            PlanRow::new(1, None, &[("action", "a"), ("owner", "Ana Lopez")]),
            PlanRow::new(2, None, &[("action", "b"), ("owner", "Ben, ana lopez")]),
        ];
        s
    }

    #[test]
    fn the_plans_names_fill_the_roster_once() {
        let mut s = session();
        s.roster.push(Person {
            name: "Ben".into(),
            role: "Finance".into(),
            ..Person::default()
        });
        assert_eq!(s.names_not_on_roster(), ["Ana Lopez"]);
        assert_eq!(s.fill_roster(), 1);
        assert_eq!(s.fill_roster(), 0, "nobody twice");
        assert_eq!(s.roster[1].name, "Ana Lopez");
        assert_eq!(s.person("ANA LOPEZ").unwrap().name, "Ana Lopez");
    }

    #[test]
    fn the_roster_completes_person_and_informed_columns() {
        let mut s = session();
        s.roster.push(Person {
            name: "Mayor's office".into(),
            ..Person::default()
        });
        assert_eq!(s.name_completions(), ["Mayor's office", "Ana Lopez", "Ben"]);
        let columns = &s.workshop.plan().columns;
        let named: Vec<&str> = columns
            .iter()
            .filter(|c| names_people(c))
            .map(|c| c.key.as_str())
            .collect();
        assert_eq!(named, ["owner", "support", "communication"]);
    }
}
