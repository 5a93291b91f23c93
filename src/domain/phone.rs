//! What a participant's phone is sent: the room's view cut down to what a phone shows
//! (the step, its instruction, the clock, the board's panes and notes when the step
//! has one) and what the room may do from it now. Made from the session alone, so it
//! carries nothing the room's view leaves out (no tips, no plan check, no paths), and
//! nothing of other participants (their dots stay in `spent`, never serialised).

use super::room::{RoomActivity, RoomStep, RoomView};
use super::session::Session;
use super::template::Activity;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhoneView {
    pub title: String,
    pub step: RoomStep,
    pub clock: PhoneClock,
    /// What the room is doing, in a few words, when the step has no board.
    pub doing: String,
    pub board: Option<PhoneBoard>,
    /// Phones may send notes now.
    pub notes_open: bool,
    /// Phones may spend dots now.
    pub votes_open: bool,
    /// Dots each participant has on this board.
    pub dots: u32,
    /// Dots spent so far, by participant key: the server answers each phone its own.
    #[serde(skip)]
    pub spent: BTreeMap<String, u32>,
}

/// The countdown as the page draws it; the page counts down from `remaining_ms`
/// while `running` (the phone's own clock is never asked the time of day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhoneClock {
    pub remaining_ms: i64,
    pub running: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhoneBoard {
    pub panes: Vec<PhonePane>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhonePane {
    pub key: String,
    pub title: String,
    pub notes: Vec<PhoneNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhoneNote {
    pub id: u64,
    pub text: String,
    pub votes: u32,
}

/// What the facilitator lets phones do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Openness {
    pub notes: bool,
    pub votes: bool,
}

impl PhoneView {
    pub fn of(session: &Session, now: DateTime<Utc>, open: Openness) -> PhoneView {
        let room = RoomView::of(session, now);
        let board = match &session.current_step().activity {
            Activity::Board(spec) => session.boards.get(&spec.board),
            _ => None,
        };
        PhoneView {
            title: room.title,
            step: room.step,
            clock: PhoneClock {
                remaining_ms: room.countdown.remaining_ms,
                running: room.countdown.running,
            },
            doing: doing(&room.activity),
            board: board.map(|b| PhoneBoard {
                panes: b
                    .panes
                    .iter()
                    .map(|p| PhonePane {
                        key: p.key.clone(),
                        title: p.title.clone(),
                        notes: p
                            .notes
                            .iter()
                            .map(|n| PhoneNote {
                                id: n.id,
                                text: n.text.clone(),
                                votes: n.votes,
                            })
                            .collect(),
                    })
                    .collect(),
            }),
            notes_open: open.notes && board.is_some(),
            votes_open: open.votes && board.is_some(),
            dots: session.phone_dots(),
            spent: board.map(|b| b.room_dots.clone()).unwrap_or_default(),
        }
    }

    /// Whether this view, published `elapsed_ms` ago, still tells phones what `now`
    /// does: everything but the clock the same, and a running clock only run on (a
    /// phone counts it down itself from the snapshot's age). So a tick of the countdown
    /// publishes nothing, and phones redraw only for a change.
    pub fn still_shows(&self, now: &PhoneView, elapsed_ms: i64) -> bool {
        let (was, is) = (&self.clock, &now.clock);
        let clock = was == is
            || (was.running
                && is.running
                && (was.remaining_ms - elapsed_ms - is.remaining_ms).abs() < 1_000);
        clock
            && self.title == now.title
            && self.step == now.step
            && self.doing == now.doing
            && self.board == now.board
            && self.notes_open == now.notes_open
            && self.votes_open == now.votes_open
            && self.dots == now.dots
            && self.spent == now.spent
    }

    /// The dots a participant has left on this board.
    pub fn dots_left(&self, participant: &str) -> u32 {
        self.dots
            .saturating_sub(self.spent.get(participant).copied().unwrap_or(0))
    }
}

/// "The room is filling in Action plan": what a phone says between boards.
fn doing(activity: &RoomActivity) -> String {
    match activity {
        RoomActivity::Briefing(_) => "The room is listening to a briefing.".into(),
        RoomActivity::Board(_) => "The room is writing notes.".into(),
        RoomActivity::Table(t) => format!("The room is filling in {} together.", t.title),
        RoomActivity::Summary { .. } => "The room is looking back at what it made.".into(),
        RoomActivity::Groups(g) => format!("The room is in groups: {}", g.headline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board::Note;
    use crate::domain::template::Template;

    const OPEN: Openness = Openness {
        notes: true,
        votes: true,
    };

    fn at(step: usize) -> Session {
        let now = Utc::now();
        let mut s = Session::new(Template::default_template(), "T", now);
        s.add_initiative("Permits", "");
        s.sync_boards();
        s.timing.go_to(step, now);
        s
    }

    #[test]
    fn a_board_step_offers_its_panes_and_keeps_dots_to_each_participant() {
        let mut s = at(2);
        let spec = s
            .current_step()
            .board()
            .expect("step 3 has a board")
            .clone();
        let board = s.boards.get_mut(&spec.board).unwrap();
        board.panes[0].notes.push(Note::new(7, "call the mayor"));
        board.room_dots.insert("p1".into(), 2);
        let view = PhoneView::of(&s, Utc::now(), OPEN);
        let b = view.board.as_ref().unwrap();
        assert_eq!(b.panes[0].title, "Permits");
        assert_eq!(b.panes[0].notes[0].text, "call the mayor");
        assert_eq!(view.dots_left("p1"), view.dots - 2);
        let json = serde_json::to_string(&view).unwrap();
        assert!(!json.contains("p1"), "no other participant's dots: {json}");
        assert!(view.notes_open);
    }

    #[test]
    fn a_running_clock_alone_is_no_news_for_phones() {
        let mut s = at(2);
        let start = Utc::now();
        s.clock_mut().toggle(start);
        let first = PhoneView::of(&s, start, OPEN);
        let later = |secs| PhoneView::of(&s, start + chrono::Duration::seconds(secs), OPEN);
        assert!(
            first.still_shows(&later(5), 5_000),
            "the phone counts down itself"
        );
        assert!(
            !first.still_shows(&later(5), 0),
            "a clock that jumped is news"
        );
        s.clock_mut().toggle(start + chrono::Duration::seconds(5));
        let paused = PhoneView::of(&s, start + chrono::Duration::seconds(5), OPEN);
        assert!(!first.still_shows(&paused, 5_000), "a pause is news");
        let board = s.current_step().board().unwrap().board.clone();
        s.boards.get_mut(&board).unwrap().panes[0]
            .notes
            .push(Note::new(9, "new"));
        assert!(!paused.still_shows(
            &PhoneView::of(&s, start + chrono::Duration::seconds(5), OPEN),
            0
        ));
    }

    #[test]
    fn the_template_gives_the_dots_unless_the_facilitator_set_them() {
        let mut s = at(2);
        assert_eq!(s.phone_dots(), crate::domain::session::DOTS);
        let step = s.timing.current;
        if let Activity::Board(spec) = &mut s.workshop.steps[step].activity {
            spec.dots = Some(5);
        }
        assert_eq!(PhoneView::of(&s, Utc::now(), OPEN).dots, 5);
        s.settings.share.dots = Some(2);
        assert_eq!(PhoneView::of(&s, Utc::now(), OPEN).dots, 2);
    }

    #[test]
    fn between_boards_the_phone_says_what_the_room_does_and_takes_nothing() {
        let s = at(0);
        let view = PhoneView::of(&s, Utc::now(), OPEN);
        assert!(view.board.is_none());
        assert!(!view.notes_open && !view.votes_open);
        assert!(!view.doing.is_empty());
        let tips = &s.current_step().tips;
        let json = serde_json::to_string(&view).unwrap();
        for tip in tips {
            assert!(!json.contains(tip.as_str()), "a tip reached the phone");
        }
    }
}
