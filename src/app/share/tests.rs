//! Participants' actions through the update function, without a network.

use super::*;
use crate::app::tests::app;
use crate::domain::share::Refusal;

/// The default workshop on its tasks board (step 3), with two initiatives, shared.
fn shared() -> App {
    let (mut app, _) = app();
    app.session.add_initiative("Permits", "");
    app.session.add_initiative("Open data", "");
    app.session.sync_boards();
    app.update(Action::GoToStep(2));
    app.update(Action::Share(ShareAction::Panel));
    assert_eq!(app.take_effects(), vec![Effect::StartSharing]);
    app.shared(Ok(Live {
        url: "http://192.168.1.20:7878/j/K4TQ".into(),
        code: "K4TQ".into(),
    }));
    app
}

fn note(app: &mut App, ticket: u64, pane: &str, text: &str) -> Result<Accepted, Refusal> {
    app.update(Action::Room(RoomAction::Note {
        ticket,
        participant: "p1".into(),
        pane: pane.into(),
        text: text.into(),
        initials: "ab".into(),
    }));
    reply(app, ticket)
}

fn vote(app: &mut App, ticket: u64, who: &str, note: u64) -> Result<Accepted, Refusal> {
    app.update(Action::Room(RoomAction::Vote {
        ticket,
        participant: who.into(),
        note,
    }));
    reply(app, ticket)
}

fn reply(app: &mut App, want: u64) -> Result<Accepted, Refusal> {
    match app.take_effects().as_slice() {
        [Effect::Reply { ticket, result }] if *ticket == want => *result,
        other => panic!("expected one reply, got {other:?}"),
    }
}

fn pane_keys(app: &App) -> Vec<String> {
    let board = app.current_board().unwrap();
    board.panes.iter().map(|p| p.key.clone()).collect()
}

#[test]
fn a_note_from_a_phone_lands_in_its_pane_marked_and_undoable() {
    let mut app = shared();
    app.say("the facilitator's message");
    let keys = pane_keys(&app);
    assert_eq!(
        note(&mut app, 1, &keys[1], "Ask \u{1b}[2Jthe mayor"),
        Ok(Accepted::Note)
    );
    let n = &app.current_board().unwrap().panes[1].notes[0];
    assert_eq!(n.text, "Ask the mayor", "cleaned like typed text");
    assert!(n.from_room);
    assert_eq!(
        n.author.as_deref(),
        Some("AB"),
        "initials as the facilitator's: capitals"
    );
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some("the facilitator's message"),
        "a phone's note does not wipe the facilitator's status"
    );
    let saved = app.take_changed().expect("autosaved");
    assert_eq!(saved.boards["tasks"].note_count(), 1);
    app.update(Action::Undo);
    assert_eq!(app.current_board().unwrap().note_count(), 0);
}

#[test]
fn a_note_from_a_phone_leaves_the_facilitators_focus_where_it_was() {
    let mut app = shared();
    let keys = pane_keys(&app);
    for text in ["first", "second"] {
        assert_eq!(note(&mut app, 1, &keys[0], text), Ok(Accepted::Note));
    }
    // The facilitator goes back to the first note, then phones write on.
    app.update(Action::Board(crate::app::board::BoardAction::Focus(
        crate::app::board::Dir::Up,
    )));
    let focus = (app.board.pane, app.board.note);
    assert_eq!(focus, (0, 0));
    assert_eq!(note(&mut app, 2, &keys[0], "third"), Ok(Accepted::Note));
    assert_eq!(note(&mut app, 3, &keys[1], "elsewhere"), Ok(Accepted::Note));
    assert_eq!((app.board.pane, app.board.note), focus);
    // Undo then redo of a phone's note is the facilitator's doing: it takes the focus.
    app.update(Action::Undo);
    app.update(Action::Redo);
    assert_eq!(app.board.pane, 1);
}

#[test]
fn closed_notes_and_unknown_panes_are_refused_and_change_nothing() {
    let mut app = shared();
    app.update(Action::Share(ShareAction::ToggleNotes));
    let keys = pane_keys(&app);
    assert_eq!(note(&mut app, 1, &keys[0], "x"), Err(Refusal::NotesClosed));
    app.update(Action::Share(ShareAction::ToggleNotes));
    assert_eq!(note(&mut app, 2, "nope", "x"), Err(Refusal::NoSuchPane));
    assert_eq!(note(&mut app, 3, &keys[0], "  "), Err(Refusal::Empty));
    app.update(Action::GoToStep(0));
    assert_eq!(note(&mut app, 4, &keys[0], "x"), Err(Refusal::NoBoard));
    assert_eq!(app.session.boards["tasks"].note_count(), 0);
}

#[test]
fn dots_from_phones_stop_at_the_budget_and_add_to_the_facilitators() {
    let mut app = shared();
    let keys = pane_keys(&app);
    note(&mut app, 1, &keys[0], "one").unwrap();
    let id = app.current_board().unwrap().panes[0].notes[0].id;
    assert_eq!(vote(&mut app, 2, "p1", id), Err(Refusal::VotesClosed));
    app.update(Action::Share(ShareAction::ToggleVotes));
    app.update(Action::Board(crate::app::board::BoardAction::Vote));
    for left in (0..3).rev() {
        assert_eq!(vote(&mut app, 3, "p1", id), Ok(Accepted::Dot(left)));
    }
    assert_eq!(vote(&mut app, 4, "p1", id), Err(Refusal::NoDotsLeft));
    assert_eq!(vote(&mut app, 5, "p2", id), Ok(Accepted::Dot(2)));
    let n = app.current_board().unwrap().note(id).unwrap();
    assert_eq!(
        (n.votes, n.room_votes),
        (5, 4),
        "one count, the room's part known"
    );
    let view = app.phone_view().unwrap();
    assert_eq!(view.dots_left("p1"), 0);
    assert_eq!(view.dots_left("p2"), 2);
    // The facilitator takes every dot back: the room's part never exceeds the count.
    for _ in 0..5 {
        app.update(Action::Board(crate::app::board::BoardAction::Unvote));
    }
    let n = app.current_board().unwrap().note(id).unwrap();
    assert_eq!((n.votes, n.room_votes), (0, 0));
}

#[test]
fn the_inbox_holds_notes_until_the_facilitator_accepts_them() {
    let mut app = shared();
    app.update(Action::Share(ShareAction::ToggleInbox));
    let keys = pane_keys(&app);
    for (i, text) in ["one", "two", "three"].into_iter().enumerate() {
        assert_eq!(
            note(&mut app, i as u64, &keys[1], text),
            Ok(Accepted::Waiting)
        );
    }
    assert_eq!(
        (app.waiting(), app.current_board().unwrap().note_count()),
        (3, 0)
    );
    app.update(Action::Share(ShareAction::AcceptOne));
    app.update(Action::Share(ShareAction::DropOne));
    assert_eq!(app.current_board().unwrap().panes[1].notes[0].text, "one");
    app.update(Action::Share(ShareAction::AcceptAll));
    let texts: Vec<&str> = app.current_board().unwrap().panes[1]
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(texts, ["one", "three"], "two was dropped");
    app.update(Action::Undo);
    assert_eq!(app.waiting(), 1, "undo puts it back in the inbox");
}

/// Notes waiting when the room moves on, or when sharing stops, are still counted and
/// still accepted onto the board they were sent to.
#[test]
fn a_waiting_note_is_not_stranded_when_the_room_moves_on() {
    let mut app = shared();
    app.update(Action::Share(ShareAction::ToggleInbox));
    let keys = pane_keys(&app);
    assert_eq!(
        note(&mut app, 1, &keys[0], "late idea"),
        Ok(Accepted::Waiting)
    );
    app.update(Action::Share(ShareAction::Panel));
    app.update(Action::Share(ShareAction::Panel));
    app.update(Action::Share(ShareAction::ConfirmStop));
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("notes from phones still waiting: 1"),
        "{:?}",
        app.status
    );
    app.update(Action::GoToStep(3));
    assert_eq!((app.waiting(), app.next_waiting()), (1, Some("late idea")));
    app.update(Action::Share(ShareAction::AcceptOne));
    assert_eq!(app.waiting(), 0);
    assert_eq!(
        app.session.boards["tasks"].panes[0].notes[0].text, "late idea",
        "on the board it was sent to"
    );
}

#[test]
fn the_share_key_shows_hides_and_then_asks_before_stopping() {
    let mut app = shared();
    assert!(app.share.panel);
    app.update(Action::Share(ShareAction::Panel));
    assert!(!app.share.panel, "hidden, still sharing");
    assert!(app.share.live.is_some());
    app.update(Action::Share(ShareAction::Panel));
    assert_eq!(app.overlay, Some(Overlay::ConfirmStopSharing));
    app.update(Action::Share(ShareAction::CancelStop));
    assert!(app.share.live.is_some());
    app.update(Action::Share(ShareAction::Panel));
    app.update(Action::Share(ShareAction::ConfirmStop));
    assert_eq!(app.take_effects(), vec![Effect::StopSharing]);
    assert!(app.share.live.is_none() && app.phone_view().is_none());
}

#[test]
fn no_network_is_said_plainly() {
    let (mut app, _) = app();
    app.update(Action::Share(ShareAction::Panel));
    app.shared(Err(
        "no network: this computer has no private IPv4 address".into()
    ));
    assert!(!app.share.on());
    let status = app.status.unwrap();
    assert!(status.error && status.text.contains("no network"));
}

#[test]
fn the_facilitator_sets_the_dots() {
    let mut app = shared();
    app.update(Action::Share(ShareAction::AskDots));
    crate::app::tests::type_line(&mut app, "5");
    assert_eq!(app.session.settings.share.dots, Some(5));
    assert_eq!(app.phone_view().unwrap().dots, 5);
    app.update(Action::Share(ShareAction::AskDots));
    crate::app::tests::type_line(&mut app, "lots");
    assert_eq!(
        app.session.settings.share.dots,
        Some(5),
        "a wrong number changes nothing"
    );
    assert!(app.status.unwrap().error);
}

#[test]
fn the_exports_say_which_notes_and_votes_came_from_the_room() {
    use crate::export::{Format, render};
    let mut app = shared();
    let keys = pane_keys(&app);
    note(&mut app, 1, &keys[0], "Ask the mayor").unwrap();
    let id = app.current_board().unwrap().panes[0].notes[0].id;
    app.update(Action::Share(ShareAction::ToggleVotes));
    vote(&mut app, 2, "p1", id).unwrap();
    vote(&mut app, 3, "p2", id).unwrap();
    app.update(Action::Board(crate::app::board::BoardAction::Vote));
    let (today, now) = (app.today(), app.now());
    for format in [Format::Md, Format::Html] {
        let text = render(&app.session, format, today, now);
        assert!(text.contains("3 votes (2 from the room)"), "{format:?}");
        assert!(text.contains("from the room</span>") || text.contains("· from the room"));
    }
}

#[test]
fn opening_notes_while_not_sharing_says_how_to_share() {
    let (mut app, _) = app();
    app.update(Action::Share(ShareAction::ToggleNotes));
    assert_eq!(
        app.status.unwrap().text,
        "Not sharing with phones: Q starts"
    );
    assert!(!app.share.on());
}
