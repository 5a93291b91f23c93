//! A large session for the benchmarks: many initiatives, notes and action rows.

use chrono::{DateTime, Utc};
use convene::domain::board::{Note, NoteColour};
use convene::domain::plan::PlanRow;
use convene::domain::session::Session;
use convene::domain::template::Template;

pub fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// `notes` notes spread over the boards and `rows` plan rows over five initiatives.
#[allow(dead_code)] // each bench uses the part it needs
pub fn large_session(notes: usize, rows: usize) -> Session {
    let mut s = Session::new(Template::default_template(), "Large workshop", start());
    let initiatives: Vec<u64> = (1..=5)
        .map(|i| s.add_initiative(&format!("Initiative {i}"), ""))
        .collect();
    let board_ids: Vec<String> = s.boards.keys().cloned().collect();
    for n in 0..notes {
        let id = s.new_id();
        let board = s.boards.get_mut(&board_ids[n % board_ids.len()]).unwrap();
        let panes = board.panes.len();
        board.panes[n % panes].notes.push(Note {
            id,
            text: format!(
                "Note {n}: publish the permit form online and train the front desk staff"
            ),
            colour: NoteColour::ALL[n % 6],
            author: Some("AB".into()),
            votes: (n % 4) as u32,
            group: (n % 5 == 0).then(|| "Quick wins".to_string()),
            from_room: false,
            room_votes: 0,
        });
    }
    for r in 0..rows {
        let id = s.new_id();
        let mut row = PlanRow::new(id, initiatives[r % 5], &[]);
        row.set(
            "action",
            format!("Action {r}: draft the data-sharing agreement with the district"),
        );
        row.set("owner", ["Ana", "Ben", "Chen", "Dara"][r % 4].to_string());
        row.set("due", format!("2027-0{}-1{}", 1 + r % 9, r % 10));
        row.set(
            "resources",
            "Two analysts for a month; legal review".to_string(),
        );
        row.set("kpi", "Agreement signed by both parties".to_string());
        row.set("status", "In progress".to_string());
        s.plan_mut().rows.push(row);
    }
    s
}
