//! What the table shows (the step's table; which initiative's rows, sorted and
//! filtered how; a child table's rows under their parents) and where the focus and
//! the window are; the stored order of the rows never changes here.

use crate::domain::plan::{Filter, PlanRow, SortKey};
use crate::domain::progress::{self, Attention, Outlook};
use crate::domain::session::Session;
use crate::domain::template::Per;
use crate::layout::table::{Section, Window};
use std::collections::HashMap;

/// Which rows the table shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// The first initiative's table (every row while there is no initiative).
    #[default]
    Auto,
    Initiative(u64),
    /// Every initiative's rows, with an Initiative column.
    All,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableUi {
    /// The focused row, as an index into the view (not the stored order).
    pub row: usize,
    /// The focused column, as an index into the template's columns.
    pub column: usize,
    pub scope: Scope,
    /// View-only order; the stored order never changes.
    pub sort: Option<SortKey>,
    /// View-only filter, and the text it was read from.
    pub filter: Option<Filter>,
    pub filter_text: String,
    /// The row detail view: every field of the focused row in full.
    pub detail: bool,
    /// The first row and first scrolled column shown, kept so that the view only
    /// scrolls when the focus would leave it.
    pub window: Window,
    /// Row ids as last seen (sorted): a row that appears since (an undone delete, a
    /// redone add) takes the focus when this table shows it.
    seen: Option<Vec<u64>>,
    /// The key of the table this state is about: another step's table starts afresh.
    table: String,
    /// In a review: why each row needed attention when the step opened. The order
    /// holds while the room walks the rows (a row set to done keeps its place, its mark
    /// changes), and is taken afresh on the next step.
    walk: Option<HashMap<u64, Attention>>,
}

impl TableUi {
    /// Keeps the focus, the scope and the scroll inside what exists; a row that was
    /// not there the last time takes the focus.
    pub fn clamp(&mut self, session: &Session) {
        let key = &session.step_table().key;
        if &self.table != key {
            *self = TableUi {
                scope: self.scope,
                table: key.clone(),
                ..TableUi::default()
            };
        }
        if let Scope::Initiative(id) = self.scope
            && session.initiative(id).is_none()
        {
            self.scope = Scope::Auto;
        }
        let mut ids: Vec<u64> = session.step_rows().rows.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        if let Some(seen) = &self.seen
            && let Some(&new) = ids.iter().rev().find(|n| seen.binary_search(n).is_err())
        {
            self.select(session, new);
        }
        self.seen = Some(ids);
        let rows = self.view(session).len();
        self.row = self.row.min(rows.saturating_sub(1));
        let columns = session.step_table().columns.len();
        self.column = self.column.min(columns.saturating_sub(1));
        if rows == 0 {
            self.detail = false;
        }
        self.walk = match (self.walk.take(), session.review()) {
            (Some(walk), Some(_)) => Some(walk),
            (None, Some(review)) => {
                let outlook = Outlook::of(session, review.on);
                let table = session.step_table();
                let ranks = session
                    .step_rows()
                    .rows
                    .iter()
                    .map(|r| (r.id, progress::attention(r, table, &outlook)));
                Some(ranks.collect())
            }
            (_, None) => None,
        };
    }

    pub fn on_step_change(&mut self) {
        self.detail = false;
        self.walk = None;
    }

    /// The initiative whose table is showing; `None` shows every row (and a table of
    /// the whole session always does).
    pub fn initiative(&self, session: &Session) -> Option<u64> {
        if session.step_table().per == Per::Session {
            return None;
        }
        match self.scope {
            Scope::All => None,
            Scope::Initiative(id) if session.initiative(id).is_some() => Some(id),
            _ => session.initiatives.first().map(|i| i.id),
        }
    }

    /// Indices into `session.step_rows().rows`, in the order the table shows them: a
    /// child table's rows under their parents, in the parents' order.
    pub fn view(&self, session: &Session) -> Vec<usize> {
        match self.sections(session) {
            Some(sections) => sections.into_iter().flat_map(|s| s.rows).collect(),
            None => self.rows(session),
        }
    }

    /// The rows of the view before they are gathered under parents.
    /// In a review, unsorted, they come in the order the room walks them: overdue,
    /// due before the next review, blocked, changed, done since the last review.
    fn rows(&self, session: &Session) -> Vec<usize> {
        let mut view = session.step_rows().view(
            &session.step_table().columns,
            self.initiative(session),
            self.sort,
            self.filter.as_ref(),
        );
        if self.sort.is_none()
            && let Some(review) = session.review()
        {
            let (rows, table) = (&session.step_rows().rows, session.step_table());
            match &self.walk {
                // A row added since goes last.
                Some(walk) => {
                    view.sort_by_key(|&i| walk.get(&rows[i].id).copied().unwrap_or(Attention::Calm))
                }
                None => {
                    let outlook = Outlook::of(session, review.on);
                    view.sort_by_cached_key(|&i| progress::attention(&rows[i], table, &outlook));
                }
            }
        }
        view
    }

    /// A child table's rows under each parent row of the scope (parents with none
    /// too, so rows can go there); `None` for a table without a parent.
    pub fn sections(&self, session: &Session) -> Option<Vec<Section>> {
        let parent = session.step_table().parent.as_deref()?;
        let initiative = self.initiative(session);
        let parents: Vec<u64> = session
            .tables
            .rows(parent)
            .iter()
            .filter(|r| initiative.is_none_or(|i| r.initiative == Some(i)))
            .map(|r| r.id)
            .collect();
        let rows = self.rows(session);
        let sections = session.step_rows().under_parents(&rows, &parents);
        Some(
            sections
                .into_iter()
                .map(|(parent, rows)| Section { parent, rows })
                .collect(),
        )
    }

    pub fn focused<'a>(&self, session: &'a Session) -> Option<&'a PlanRow> {
        let view = self.view(session);
        view.get(self.row).map(|&i| &session.step_rows().rows[i])
    }

    /// Puts the focus on row `id` if the view shows it.
    pub fn select(&mut self, session: &Session, id: u64) -> bool {
        let view = self.view(session);
        match view
            .iter()
            .position(|&i| session.step_rows().rows[i].id == id)
        {
            Some(at) => {
                self.row = at;
                true
            }
            None => false,
        }
    }
}
