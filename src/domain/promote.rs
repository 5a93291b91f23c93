//! A board note promoted to the plan: which table it goes to and the row it becomes.

use super::board::Note;
use super::plan::PlanRow;
use super::template::{BoardSpec, ColumnKind, Per, Template};
use super::text::sanitize_line;

/// The row `note` becomes, and the key of its table: the board's `promote` table, else
/// the template's first. The note's text fills the first column; the board's `set`
/// values and its pane's title (`pane_column`) fill theirs. Status columns it does not
/// set stay empty, so they show the column's default.
pub fn promote(
    template: &Template,
    board: &BoardSpec,
    pane_title: &str,
    note: &Note,
    initiative: Option<u64>,
    id: u64,
) -> (String, PlanRow) {
    let spec = board.promote.as_ref();
    let table = spec
        .and_then(|p| template.table(&p.table))
        .unwrap_or_else(|| template.plan());
    let initiative = match table.per {
        Per::Initiative => initiative,
        Per::Session => None,
    };
    let mut row = PlanRow::new(id, initiative, &[]);
    row.from_note = Some(note.id);
    if let Some(first) = table.columns.first() {
        let text = match first.kind {
            ColumnKind::LongText => note.text.clone(),
            _ => sanitize_line(&note.text),
        };
        row.set(&first.key, text);
    }
    if let Some(spec) = spec {
        for (key, value) in &spec.set {
            row.set(key, value.clone());
        }
        if let Some(key) = &spec.pane_column {
            row.set(key, sanitize_line(pane_title));
        }
    }
    (table.key.clone(), row)
}

/// Whether rows of `table` need an initiative to belong to.
pub fn needs_initiative(template: &Template, board: &BoardSpec) -> bool {
    let table = board
        .promote
        .as_ref()
        .and_then(|p| template.table(&p.table))
        .unwrap_or_else(|| template.plan());
    table.per == Per::Initiative
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::status_value;

    fn board_of(template: &Template, id: &str) -> BoardSpec {
        template
            .steps
            .iter()
            .filter_map(|s| s.board())
            .find(|b| b.board == id)
            .unwrap()
            .clone()
    }

    #[test]
    fn early_evidence_is_an_early_evidence_benchmark_not_yet_assessed() {
        let t = Template::built_in("planning-for-success").unwrap();
        let note = Note::new(3, "75% of observations show the strategies by February");
        let (table, row) = promote(&t, &board_of(&t, "evidence"), "Reading", &note, Some(1), 9);
        assert_eq!(table, "benchmarks");
        assert_eq!(row.cell("benchmark"), note.text);
        assert_eq!(row.cell("type"), "Early evidence of change");
        assert_eq!(
            (row.id, row.initiative, row.from_note),
            (9, Some(1), Some(3))
        );
        let status = t.table("benchmarks").unwrap().column("status").unwrap();
        assert_eq!(status_value(row.cell("status"), status), "Not yet assessed");
    }

    #[test]
    fn a_pane_can_name_a_value_and_a_session_table_has_no_initiative() {
        let t = Template::built_in("ogp-roadmap").unwrap();
        let note = Note::new(4, "Publish every contract\nas open data");
        let (table, row) = promote(
            &t,
            &board_of(&t, "solutions"),
            "Transparency",
            &note,
            Some(1),
            9,
        );
        assert_eq!(table, "commitments");
        assert_eq!(
            row.cell("commitment"),
            "Publish every contract as open data"
        );
        assert_eq!(row.cell("principle"), "Transparency");
        assert_eq!(row.initiative, None, "commitments are the whole plan's");
        assert!(!needs_initiative(&t, &board_of(&t, "solutions")));
    }

    #[test]
    fn without_a_promote_spec_a_note_goes_to_the_first_table() {
        let t = Template::default_template();
        let note = Note::new(4, "Train the front desk");
        let (table, row) = promote(&t, &board_of(&t, "tasks"), "Permits", &note, Some(2), 9);
        assert_eq!(table, t.plan().key);
        assert_eq!(row.cell("action"), "Train the front desk");
        assert_eq!(row.cell("status"), "", "shows the default");
        assert_eq!(row.cells.len(), 1, "nothing else is made up");
        assert!(needs_initiative(&t, &board_of(&t, "tasks")));
        let mut long = t.clone();
        long.tables[0].columns[0].kind = ColumnKind::LongText;
        let two = Note::new(5, "Two\nlines");
        let (_, row) = promote(&long, &board_of(&t, "tasks"), "Permits", &two, Some(2), 9);
        assert_eq!(
            row.cell("action"),
            "Two\nlines",
            "long text keeps its lines"
        );
    }
}
