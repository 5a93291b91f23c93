//! The session's tables as every export walks them: in the template's order, rows by
//! initiative (or all together for a table of the whole session), each row with the
//! rows of its child tables under it. Rows whose initiative or parent is gone (a
//! hand-edited file) are listed too, so no export drops what the room typed.

use crate::domain::plan::{PlanRow, status_value};
use crate::domain::session::{Initiative, Session};
use crate::domain::template::{ColumnKind, ColumnSpec, Per, TableDef};

pub(super) struct TableView<'a> {
    pub def: &'a TableDef,
    pub groups: Vec<RowGroup<'a>>,
    /// A child table whose rows belong to no row of its parent any more: they are
    /// listed on their own (and never in their parent's view).
    pub orphans: bool,
}

pub(super) struct RowGroup<'a> {
    /// The initiative of a per-initiative table's group; None for a table of the whole
    /// session, and for rows whose initiative is gone.
    pub initiative: Option<&'a Initiative>,
    /// Whether the group is the rows of one initiative (shown under its name).
    pub by_initiative: bool,
    pub rows: Vec<RowView<'a>>,
}

pub(super) struct RowView<'a> {
    pub row: &'a PlanRow,
    /// Rows under this one, table by table in the template's order (tables with no
    /// row under this one are left out).
    pub children: Vec<(&'a TableDef, Vec<&'a PlanRow>)>,
}

impl RowGroup<'_> {
    /// The heading of a group shown by initiative.
    pub fn name(&self) -> &str {
        self.initiative
            .map(|i| i.name.as_str())
            .unwrap_or("Other rows")
    }
}

/// Every table to export: top-level tables with their children nested, then child
/// tables that hold rows whose parent is gone.
pub(super) fn views(session: &Session, with_empty: bool) -> Vec<TableView<'_>> {
    let template = &session.workshop;
    let mut views: Vec<TableView> = template
        .tables
        .iter()
        .filter(|t| t.parent.is_none())
        .map(|def| TableView {
            def,
            groups: groups(session, def, with_empty),
            orphans: false,
        })
        .collect();
    for def in template.tables.iter().filter(|t| t.parent.is_some()) {
        let lost: Vec<&PlanRow> = session
            .tables
            .rows(&def.key)
            .iter()
            .filter(|r| r.parent.and_then(|p| session.tables.row(p)).is_none())
            .collect();
        if !lost.is_empty() {
            views.push(TableView {
                def,
                groups: vec![RowGroup {
                    initiative: None,
                    by_initiative: false,
                    rows: lost.into_iter().map(leaf).collect(),
                }],
                orphans: true,
            });
        }
    }
    views
}

fn leaf(row: &PlanRow) -> RowView<'_> {
    RowView {
        row,
        children: Vec::new(),
    }
}

/// A table's rows by initiative, in the initiatives' order, then rows whose initiative
/// is gone; or, for a table of the whole session, all of them in one group.
/// `with_empty` keeps initiatives that have no row yet.
pub(super) fn groups<'a>(
    session: &'a Session,
    def: &'a TableDef,
    with_empty: bool,
) -> Vec<RowGroup<'a>> {
    let rows = session.tables.rows(&def.key);
    let view = |row: &'a PlanRow| RowView {
        row,
        children: session
            .workshop
            .children(&def.key)
            .map(|child| {
                let under: Vec<&PlanRow> = session
                    .tables
                    .rows(&child.key)
                    .iter()
                    .filter(|r| r.parent == Some(row.id))
                    .collect();
                (child, under)
            })
            .filter(|(_, under)| !under.is_empty())
            .collect(),
    };
    if def.per == Per::Session {
        return vec![RowGroup {
            initiative: None,
            by_initiative: false,
            rows: rows.iter().map(view).collect(),
        }];
    }
    let mut groups: Vec<RowGroup> = session
        .initiatives
        .iter()
        .map(|i| RowGroup {
            initiative: Some(i),
            by_initiative: true,
            rows: rows
                .iter()
                .filter(|r| r.initiative == Some(i.id))
                .map(view)
                .collect(),
        })
        .filter(|g| with_empty || !g.rows.is_empty())
        .collect();
    let orphans: Vec<RowView> = rows
        .iter()
        .filter(|r| session.initiative(r.initiative).is_none())
        .map(view)
        .collect();
    if !orphans.is_empty() {
        groups.push(RowGroup {
            initiative: None,
            by_initiative: true,
            rows: orphans,
        });
    }
    groups
}

/// A cell as the app shows it: an empty status cell holds its column's default.
pub(super) fn shown<'a>(row: &'a PlanRow, column: &'a ColumnSpec) -> &'a str {
    let cell = row.cell(&column.key);
    match column.kind {
        ColumnKind::Status(_) => status_value(cell, column),
        _ => cell,
    }
}

/// The columns of a table that play a known part, found the way the plan check
/// finds them.
pub(super) struct Columns<'a> {
    pub action: Option<&'a ColumnSpec>,
    pub owner: Option<&'a ColumnSpec>,
    pub date: Option<&'a ColumnSpec>,
    pub resources: Option<&'a ColumnSpec>,
    pub kpi: Option<&'a ColumnSpec>,
    pub status: Option<&'a ColumnSpec>,
}

impl<'a> Columns<'a> {
    pub fn of(table: &'a TableDef) -> Columns<'a> {
        let columns = &table.columns;
        let find = |f: &dyn Fn(&ColumnSpec) -> bool| columns.iter().find(|c| f(c));
        let titled = |c: &ColumnSpec, word: &str| c.title.to_lowercase().contains(word);
        Columns {
            action: columns.first(),
            owner: find(&|c| c.kind == ColumnKind::Person),
            date: find(&|c| c.kind == ColumnKind::Date),
            resources: find(&|c| c.key == "resources" || titled(c, "resource")),
            kpi: find(&|c| c.key == "kpi" || titled(c, "kpi"))
                .or_else(|| find(&|c| titled(c, "evidence") || titled(c, "success"))),
            status: find(&|c| c.key == "status" && matches!(c.kind, ColumnKind::Status(_))),
        }
    }
}
