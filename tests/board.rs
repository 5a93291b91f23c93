//! The sticky-note board, driven the way the facilitator drives it: keys through
//! `App::handle_key`, clicks through `App::update`, and the screen through `ui::draw`.

mod common;

use common::{find, key, press_char as press, status, text_of, type_text};
use convene::app::board::BoardAction;
use convene::app::{Action, App};
use convene::domain::board::{Board, NoteColour};
use convene::domain::template::Template;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn app_with(template: Template, initiatives: &[&str]) -> App {
    let initiatives: Vec<(&str, &str)> = initiatives.iter().map(|n| (*n, "")).collect();
    common::app_on(common::session(
        template,
        "Town hall workshop",
        &initiatives,
    ))
    .0
}

/// The default workshop at step 3 (one pane per initiative).
fn tasks_app() -> App {
    let mut app = app_with(
        Template::default_template(),
        &["Online permits", "Open data portal"],
    );
    app.update(Action::GoToStep(2));
    app
}

fn enter(app: &mut App) {
    app.handle_key(key(KeyCode::Enter));
}

fn esc(app: &mut App) {
    app.handle_key(key(KeyCode::Esc));
}

/// Adds notes to the focused pane in one rapid-entry run.
fn add_notes(app: &mut App, texts: &[&str]) {
    press(app, 'a');
    for t in texts {
        type_text(app, t);
        enter(app);
    }
    esc(app);
}

fn board(app: &App) -> &Board {
    &app.session.boards[&app.board_id().unwrap()]
}

fn texts(app: &App, pane: usize) -> Vec<String> {
    board(app).panes[pane]
        .notes
        .iter()
        .map(|n| n.text.clone())
        .collect()
}

fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    common::draw(app, width, height)
}

/// The top-left corner of the card showing `text`.
fn card_corner(buf: &Buffer, text: &str) -> (u16, u16) {
    let (x, y) = find(buf, text).expect("the card's text");
    let top = (0..y)
        .rev()
        .find(|&r| !matches!(buf[(x, r)].symbol(), " "))
        .expect("a top edge");
    let left = (0..x)
        .rev()
        .find(|&c| matches!(buf[(c, top)].symbol(), "┏" | "╭"))
        .expect("a corner");
    (left, top)
}

#[test]
fn rapid_entry_keeps_each_note_and_esc_never_loses_one() {
    let mut app = tasks_app();
    press(&mut app, 'a');
    type_text(&mut app, "Draft the permit form");
    enter(&mut app);
    assert!(app.editor.is_some(), "Enter opens the next note at once");
    type_text(&mut app, "Map the five most requested permits");
    enter(&mut app);
    type_text(&mut app, "Half-typed when the room moved on");
    esc(&mut app);
    assert!(app.editor.is_none(), "Esc stops");
    assert_eq!(
        texts(&app, 0),
        [
            "Draft the permit form",
            "Map the five most requested permits",
            "Half-typed when the room moved on"
        ],
        "Esc kept the last note too"
    );
    press(&mut app, 'a');
    esc(&mut app);
    assert_eq!(texts(&app, 0).len(), 3, "an empty note is not kept");
    assert_eq!(app.board.note, 2, "the newest note has the focus");
}

#[test]
fn author_initials_come_from_a_leading_prefix() {
    let mut app = tasks_app();
    add_notes(
        &mut app,
        &["AB: Call the mayor's office", "TODO: not initials"],
    );
    let notes = &board(&app).panes[0].notes;
    assert_eq!(notes[0].author.as_deref(), Some("AB"));
    assert_eq!(notes[0].text, "Call the mayor's office");
    assert_eq!(notes[1].author, None);
    let screen = text_of(&draw(&mut app, 160, 48));
    assert!(screen.contains(" AB "), "initials on the card:\n{screen}");
}

#[test]
fn editing_in_place_keeps_old_text_when_emptied() {
    let mut app = tasks_app();
    add_notes(&mut app, &["Draft the form"]);
    enter(&mut app);
    assert!(app.editor.is_some(), "Enter edits the focused note");
    type_text(&mut app, " today");
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    type_text(&mut app, "with legal");
    enter(&mut app);
    assert_eq!(texts(&app, 0), ["Draft the form today\nwith legal"]);

    press(&mut app, 'e');
    for _ in 0..40 {
        app.handle_key(key(KeyCode::Backspace));
    }
    enter(&mut app);
    assert_eq!(
        texts(&app, 0),
        ["Draft the form today\nwith legal"],
        "emptying is not deleting"
    );
    assert!(
        status(&app).contains("keeps its old text"),
        "{}",
        status(&app)
    );

    press(&mut app, 'd');
    assert!(texts(&app, 0).is_empty(), "d deletes");
    press(&mut app, 'u');
    assert_eq!(texts(&app, 0).len(), 1, "and u brings it back");
}

#[test]
fn notes_move_between_panes_and_reorder() {
    let mut app = tasks_app();
    add_notes(&mut app, &["one", "two", "three"]);
    press(&mut app, '>');
    assert_eq!(texts(&app, 0), ["one", "two"]);
    assert_eq!(texts(&app, 1), ["three"]);
    assert_eq!(app.board.pane, 1, "the focus follows the note");
    press(&mut app, '>');
    assert!(status(&app).contains("last pane"));
    press(&mut app, '<');
    assert_eq!(texts(&app, 0), ["one", "two", "three"]);
    press(&mut app, '[');
    press(&mut app, '[');
    assert_eq!(texts(&app, 0), ["three", "one", "two"]);
    press(&mut app, ']');
    assert_eq!(texts(&app, 0), ["one", "three", "two"]);
    press(&mut app, 'c');
    assert_eq!(board(&app).panes[0].notes[1].colour, NoteColour::Orange);
    assert!(status(&app).contains("orange"));
}

#[test]
fn dot_votes_add_up_and_sort_is_undoable() {
    let mut app = tasks_app();
    add_notes(&mut app, &["a", "b", "c"]);
    // c gets 1 vote, a gets 3, b none.
    press(&mut app, 'v');
    app.handle_key(key(KeyCode::Home));
    for _ in 0..4 {
        press(&mut app, 'v');
    }
    press(&mut app, 'V');
    assert_eq!(board(&app).panes[0].notes[0].votes, 3);
    assert_eq!(board(&app).panes[0].votes(), 4);
    press(&mut app, 's');
    assert_eq!(texts(&app, 0), ["a", "c", "b"]);
    assert_eq!(board(&app).panes[0].notes[app.board.note].text, "a");
    press(&mut app, 's');
    assert!(status(&app).contains("Already sorted"));
    press(&mut app, 'u');
    assert_eq!(texts(&app, 0), ["a", "b", "c"], "undo puts the order back");
    let screen = text_of(&draw(&mut app, 160, 48));
    assert!(
        screen.contains("3 notes · ●4"),
        "pane title totals:\n{screen}"
    );
    assert!(screen.contains("●●●"), "dots on the card");
    app.handle_key(key(KeyCode::Home));
    for _ in 0..9 {
        press(&mut app, 'v');
    }
    let screen = text_of(&draw(&mut app, 160, 48));
    assert!(screen.contains("●×12"), "many votes as a count:\n{screen}");
}

#[test]
fn clusters_gather_under_a_heading_and_offer_to_join() {
    let mut app = tasks_app();
    add_notes(&mut app, &["budget line", "unrelated", "grant"]);
    app.handle_key(key(KeyCode::Home));
    press(&mut app, 'g');
    type_text(&mut app, "Money");
    enter(&mut app);
    app.handle_key(key(KeyCode::End));
    press(&mut app, 'g');
    assert_eq!(
        app.editor.as_ref().unwrap().text(),
        "Money",
        "the existing heading is offered"
    );
    enter(&mut app);
    assert_eq!(texts(&app, 0), ["budget line", "grant", "unrelated"]);
    assert_eq!(
        board(&app).panes[0].notes[1].group.as_deref(),
        Some("Money")
    );
    let screen = text_of(&draw(&mut app, 160, 48));
    assert!(screen.contains("▌Money · 2"), "heading drawn:\n{screen}");
    press(&mut app, 'G');
    assert_eq!(board(&app).panes[0].notes[1].group, None);
    assert_eq!(texts(&app, 0), ["budget line", "grant", "unrelated"]);
}

#[test]
fn promote_makes_one_plan_row_of_the_initiative() {
    let mut app = tasks_app();
    press(&mut app, 'l'); // the second initiative's pane
    add_notes(&mut app, &["Publish opening hours"]);
    press(&mut app, 'P');
    let rows = &app.session.plan().rows;
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    let open_data = app.session.initiatives[1].id;
    assert_eq!(row.initiative, Some(open_data));
    assert_eq!(row.cell("action"), "Publish opening hours");
    let status_column = app.session.workshop.plan().column("status").unwrap();
    assert_eq!(
        convene::domain::plan::status_value(row.cell("status"), status_column),
        "Not started",
        "an empty status shows the column's default"
    );
    let note = &board(&app).panes[1].notes[0];
    assert_eq!(row.from_note, Some(note.id));
    assert!(status(&app).contains("step 4"), "{}", status(&app));
    assert!(
        status(&app).starts_with("Now an action"),
        "{}",
        status(&app)
    );
    press(&mut app, 'P');
    assert_eq!(
        app.session.plan().rows.len(),
        1,
        "promoting twice adds nothing"
    );
    assert!(status(&app).contains("Already"));
    let screen = text_of(&draw(&mut app, 160, 48));
    assert!(
        screen.contains("→ Action plan"),
        "the card names the table the row is in:\n{screen}"
    );
    press(&mut app, 'u');
    assert!(
        app.session.plan().rows.is_empty(),
        "undo takes the row away"
    );
    let screen = text_of(&draw(&mut app, 160, 48));
    assert!(!screen.contains("→ plan"), "and the mark:\n{screen}");
}

#[test]
fn deleting_the_promoted_row_unmarks_the_note_and_it_can_be_promoted_again() {
    let mut app = tasks_app();
    add_notes(&mut app, &["Publish opening hours"]);
    press(&mut app, 'P');
    app.update(Action::GoToStep(3));
    press(&mut app, 'd'); // the table: delete the focused row
    assert!(app.session.plan().rows.is_empty());
    app.update(Action::GoToStep(2));
    let screen = text_of(&draw(&mut app, 160, 48));
    assert!(
        !screen.contains("→ plan"),
        "no longer in the plan:\n{screen}"
    );
    press(&mut app, 'P');
    assert_eq!(app.session.plan().rows.len(), 1, "promoted anew");
}

#[test]
fn promote_from_a_fixed_pane_uses_the_first_initiative_or_asks_for_one() {
    let mut app = app_with(Template::default_template(), &[]);
    app.update(Action::GoToStep(4)); // resources: Financial, People, ...
    add_notes(&mut app, &["Budget for two developers"]);
    press(&mut app, 'P');
    assert!(app.session.plan().rows.is_empty());
    assert!(status(&app).contains("initiative"), "{}", status(&app));
    assert!(app.status.as_ref().unwrap().error);

    app.session.add_initiative("Online permits", "");
    press(&mut app, 'P');
    assert_eq!(app.session.plan().rows.len(), 1);
    assert_eq!(
        app.session.plan().rows[0].initiative,
        Some(app.session.initiatives[0].id)
    );
}

#[test]
fn every_board_change_undoes_and_redoes() {
    let mut app = tasks_app();
    let original = app.session.boards.clone();
    add_notes(&mut app, &["one", "two", "three"]);
    for c in ['v', 'c', '>', 'g'] {
        press(&mut app, c);
    }
    type_text(&mut app, "Heading");
    enter(&mut app);
    for c in ['G', '<', '[', 's', 'P', 'd'] {
        press(&mut app, c);
    }
    let changed = app.session.clone();
    let steps = app.history.depth();
    assert!(steps >= 12, "each change is a step ({steps})");
    for _ in 0..steps {
        press(&mut app, 'u');
    }
    assert_eq!(app.session.boards, original);
    assert!(app.session.plan().rows.is_empty());
    for _ in 0..steps {
        press(&mut app, 'U');
    }
    assert_eq!(app.session.boards, changed.boards);
    assert_eq!(app.session.plan(), changed.plan());
}

#[test]
fn undo_reaches_back_more_than_a_hundred_notes() {
    let mut app = tasks_app();
    press(&mut app, 'a');
    for i in 0..150 {
        type_text(&mut app, &format!("note {i}"));
        enter(&mut app);
    }
    esc(&mut app);
    for _ in 0..150 {
        press(&mut app, 'u');
    }
    assert_eq!(board(&app).note_count(), 0);
}

#[test]
fn a_huge_paste_is_kept_whole_and_shown_short() {
    let mut app = tasks_app();
    press(&mut app, 'a');
    let big: String = "word ".repeat(2_000);
    app.update(Action::Paste(format!("{big}\u{1b}[2J\u{7}end")));
    enter(&mut app);
    esc(&mut app);
    let text = board(&app).panes[0].notes[0].text.clone();
    assert_eq!(text.len(), 10_003, "all of it, escapes stripped");
    assert!(text.ends_with("word end") && !text.contains('\u{1b}'));
    let screen = text_of(&draw(&mut app, 80, 24));
    assert!(screen.contains("…"), "shortened on the card:\n{screen}");
    enter(&mut app);
    assert_eq!(
        app.editor.as_ref().unwrap().text().len(),
        text.len(),
        "in full in the editor"
    );
}

#[test]
fn emoji_and_cjk_wrap_inside_the_card() {
    let mut app = tasks_app();
    add_notes(
        &mut app,
        &["会議室予約会議室予約会議室予約会議室予約 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉"],
    );
    let buf = draw(&mut app, 80, 24);
    let screen = text_of(&buf);
    // Every row of the focused card still ends with its right border.
    let (x, y) = card_corner(&buf, "会議室予約");
    assert_eq!(buf[(x, y)].symbol(), "┏", "the focused card");
    let right = (x..buf.area.width)
        .find(|&c| buf[(c, y)].symbol() == "┓")
        .unwrap();
    for row in y + 1..y + 3 {
        assert_eq!(buf[(right, row)].symbol(), "┃", "row {row}:\n{screen}");
    }
    assert!(screen.contains("会議室予約"), "{screen}");
}

#[test]
fn a_resize_keeps_the_note_being_typed() {
    let mut app = tasks_app();
    press(&mut app, 'a');
    type_text(&mut app, "typed before the resize");
    let small = text_of(&draw(&mut app, 80, 24));
    let big = text_of(&draw(&mut app, 160, 48));
    assert!(small.contains("typed before the resize"), "{small}");
    assert!(big.contains("typed before the resize"), "{big}");
    enter(&mut app);
    assert_eq!(texts(&app, 0), ["typed before the resize"]);
}

#[test]
fn the_focused_card_shows_without_colour() {
    let mut app = tasks_app();
    app.colour = false;
    add_notes(&mut app, &["first", "second"]);
    let buf = draw(&mut app, 160, 48);
    let (x, y) = card_corner(&buf, "second");
    assert_eq!(
        buf[(x, y)].symbol(),
        "┏",
        "a thick border on the newest note"
    );
    assert!(
        buf[(x + 1, y)].modifier.contains(Modifier::REVERSED),
        "its title bar is reversed"
    );
    let (x, y) = card_corner(&buf, "first");
    assert_eq!(buf[(x, y)].symbol(), "╭", "a thin one on the others");
    assert!(!buf[(x + 1, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn a_click_selects_the_card_under_it() {
    let mut app = tasks_app();
    add_notes(&mut app, &["left card"]);
    press(&mut app, 'l');
    add_notes(&mut app, &["right card"]);
    let buf = draw(&mut app, 160, 48);
    let (x, y) = find(&buf, "left card").unwrap();
    app.update(Action::Click { column: x, row: y });
    assert_eq!((app.board.pane, app.board.note), (0, 0));
    app.update(Action::Click { column: x, row: y });
    assert!(app.editor.is_some(), "a second click edits");
    esc(&mut app);
    let (x, y) = find(&buf, "right card").unwrap();
    app.update(Action::Click { column: x, row: y });
    assert_eq!(app.board.pane, 1);
}

#[test]
fn arrows_move_along_rows_and_into_the_next_pane() {
    let mut app = tasks_app();
    add_notes(&mut app, &["a", "b", "c"]);
    press(&mut app, 'l');
    add_notes(&mut app, &["x"]);
    app.update(Action::Resize {
        width: 160,
        height: 48,
    });
    // At 160 columns each pane holds two cards a row: a b / c.
    app.handle_key(key(KeyCode::BackTab));
    app.handle_key(key(KeyCode::Home));
    app.handle_key(key(KeyCode::Right));
    assert_eq!((app.board.pane, app.board.note), (0, 1));
    app.handle_key(key(KeyCode::Down));
    assert_eq!((app.board.pane, app.board.note), (0, 2), "down to c");
    app.handle_key(key(KeyCode::Up));
    app.handle_key(key(KeyCode::Up));
    assert_eq!(
        (app.board.pane, app.board.note),
        (0, 0),
        "nearest card above"
    );
    app.handle_key(key(KeyCode::Right));
    app.handle_key(key(KeyCode::Right));
    assert_eq!(
        (app.board.pane, app.board.note),
        (1, 0),
        "on into the next pane"
    );
    app.handle_key(key(KeyCode::Left));
    assert_eq!(app.board.pane, 0);
}

#[test]
fn a_pane_scrolls_to_keep_the_focus_in_view() {
    let mut app = tasks_app();
    let notes: Vec<String> = (1..=30).map(|i| format!("task number {i}")).collect();
    let refs: Vec<&str> = notes.iter().map(String::as_str).collect();
    add_notes(&mut app, &refs);
    let screen = text_of(&draw(&mut app, 80, 24));
    assert!(screen.contains("task number 30"), "{screen}");
    assert!(screen.contains("▲"), "says notes are above:\n{screen}");
    app.handle_key(key(KeyCode::Home));
    let screen = text_of(&draw(&mut app, 80, 24));
    assert!(screen.contains("task number 1 "), "{screen}");
    assert!(screen.contains("▼"), "and below:\n{screen}");
}

#[test]
fn a_step_can_show_another_steps_board() {
    let template = Template::built_in("planning-for-success").unwrap();
    let mut app = app_with(template, &["Online permits"]);
    app.update(Action::GoToStep(4));
    add_notes(&mut app, &["Fewer paper forms"]);
    app.update(Action::GoToStep(5)); // the summary shows the same board
    assert_eq!(app.board_id().as_deref(), Some("evidence"));
    let screen = text_of(&draw(&mut app, 160, 48));
    assert!(screen.contains("Fewer paper forms"), "{screen}");
}

#[test]
fn help_lists_the_board_keys() {
    let mut app = tasks_app();
    press(&mut app, '?');
    // Every page of the help, scrolled through.
    let mut screen = String::new();
    for _ in 0..8 {
        screen.push_str(&text_of(&draw(&mut app, 160, 48)));
        app.update(Action::ScrollHelp(10));
    }
    for k in ["Tab/Shift-Tab", "v/V", "promote", "Home/End", "  Esc  "] {
        assert!(screen.contains(k), "{k} in help:\n{screen}");
    }
}

#[test]
fn keys_that_map_to_nothing_change_nothing_and_ask_for_no_redraw() {
    let mut app = tasks_app();
    add_notes(&mut app, &["one"]);
    let before = draw(&mut app, 80, 24);
    assert!(
        !app.handle_key(key(KeyCode::Char('%'))),
        "nothing bound to %"
    );
    assert!(!app.handle_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT)));
    assert_eq!(draw(&mut app, 80, 24), before);
    assert!(app.handle_key(key(KeyCode::Char('v'))), "a vote is drawn");
}

/// A board with a note of every colour, votes, initials, a cluster and a promoted note.
fn showcase() -> App {
    let mut app = tasks_app();
    add_notes(
        &mut app,
        &[
            "Draft the online permit form",
            "AB: Call the mayor's office about the budget",
            "会議室を予約する 🎉",
        ],
    );
    press(&mut app, 'l');
    add_notes(
        &mut app,
        &[
            "Publish opening hours as open data",
            "Pick a licence",
            "XY: List the datasets we already have",
        ],
    );
    let colours = [
        (0, 0, 0),
        (0, 1, 1),
        (0, 2, 2),
        (1, 0, 3),
        (1, 1, 4),
        (1, 2, 5),
    ];
    for (pane, note, n) in colours {
        (app.board.pane, app.board.note) = (pane, note);
        for _ in 0..n {
            app.update(Action::Board(BoardAction::Colour { forward: true }));
        }
        for _ in 0..n {
            app.update(Action::Board(BoardAction::Vote));
        }
    }
    (app.board.pane, app.board.note) = (1, 0);
    press(&mut app, 'g');
    type_text(&mut app, "Data");
    enter(&mut app);
    press(&mut app, 'P');
    (app.board.pane, app.board.note) = (0, 1);
    app.status = None;
    app
}

#[test]
fn snapshot_board_80x24() {
    let mut app = showcase();
    let colours: Vec<NoteColour> = board(&app)
        .panes
        .iter()
        .flat_map(|p| p.notes.iter().map(|n| n.colour))
        .collect();
    for c in NoteColour::ALL {
        assert!(colours.contains(&c), "{c:?} on the board");
    }
    insta::assert_snapshot!(text_of(&draw(&mut app, 80, 24)));
}

#[test]
fn snapshot_board_160x48() {
    let mut app = showcase();
    insta::assert_snapshot!(text_of(&draw(&mut app, 160, 48)));
}

mod random {
    use super::*;
    use convene::app::board::Dir;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Step {
        Board(BoardAction),
        Add(String),
        Edit(String),
        Group(String),
        Undo,
        Redo,
        GoTo(usize),
        Resize(u16, u16),
    }

    fn step() -> impl Strategy<Value = Step> {
        use BoardAction as A;
        let action = prop_oneof![
            Just(A::Delete),
            any::<bool>().prop_map(|forward| A::Colour { forward }),
            prop_oneof![
                Just(Dir::Up),
                Just(Dir::Down),
                Just(Dir::Left),
                Just(Dir::Right)
            ]
            .prop_map(A::Focus),
            any::<bool>().prop_map(|forward| A::Pane { forward }),
            any::<bool>().prop_map(|last| A::Ends { last }),
            any::<bool>().prop_map(|forward| A::MoveToPane { forward }),
            any::<bool>().prop_map(|forward| A::Shift { forward }),
            Just(A::Vote),
            Just(A::Unvote),
            Just(A::Sort),
            Just(A::Ungroup),
            Just(A::Promote),
        ];
        prop_oneof![
            4 => action.prop_map(Step::Board),
            3 => "[a-zA-Z会🎉 :\\n\u{1b}]{0,20}".prop_map(Step::Add),
            1 => "[a-z ]{0,10}".prop_map(Step::Edit),
            1 => prop_oneof![Just("A".to_string()), Just("B".to_string()), Just(String::new())]
                .prop_map(Step::Group),
            1 => Just(Step::Undo),
            1 => Just(Step::Redo),
            1 => prop_oneof![Just(2usize), Just(4), Just(5)].prop_map(Step::GoTo),
            1 => (44u16..200, 12u16..60).prop_map(|(w, h)| Step::Resize(w, h)),
        ]
    }

    fn open_and_type(app: &mut App, action: BoardAction, text: &str) {
        app.update(Action::Board(action));
        if app.editor.is_some() {
            // Clear what is offered, then type.
            for _ in 0..50 {
                app.handle_key(key(KeyCode::Backspace));
            }
            app.update(Action::Paste(text.to_string()));
            enter(app);
            esc(app);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn random_board_work_never_panics_and_undoes_to_the_start(
            steps in prop::collection::vec(step(), 1..60)
        ) {
            let mut app = tasks_app();
            add_notes(&mut app, &["one", "two", "three"]);
            let before_boards = app.session.boards.clone();
            let before_plan = app.session.plan().clone();
            let depth = app.history.depth();
            for s in steps {
                match s {
                    Step::Board(a) => app.update(Action::Board(a)),
                    Step::Add(t) => open_and_type(&mut app, BoardAction::Add, &t),
                    Step::Edit(t) => open_and_type(&mut app, BoardAction::Edit, &t),
                    Step::Group(t) => open_and_type(&mut app, BoardAction::Group, &t),
                    Step::Undo => app.update(Action::Undo),
                    Step::Redo => app.update(Action::Redo),
                    Step::GoTo(i) => app.update(Action::GoToStep(i)),
                    Step::Resize(w, h) => {
                        draw(&mut app, w, h);
                    }
                }
                if app.history.depth() < depth {
                    // Undone past the starting notes: redo back to them.
                    app.update(Action::Redo);
                }
            }
            draw(&mut app, 80, 24);
            while app.history.depth() > depth {
                app.update(Action::Undo);
            }
            prop_assert_eq!(&app.session.boards, &before_boards);
            prop_assert_eq!(app.session.plan(), &before_plan);
        }
    }
}

#[test]
fn a_paste_on_the_board_starts_a_note_with_it() {
    let mut app = tasks_app();
    let before = board(&app).note_count();
    app.update(Action::Paste(
        "Survey the front desk\u{1b}[31m staff".into(),
    ));
    assert!(app.editor.is_some(), "the pasted text waits in a new note");
    enter(&mut app);
    esc(&mut app);
    assert_eq!(board(&app).note_count(), before + 1);
    assert!(
        texts(&app, 0).contains(&"Survey the front desk staff".to_string()),
        "{:?}",
        texts(&app, 0)
    );
}

/// QA: `d` on a note out of a long pane, then `u`: the note came back at the bottom of
/// the pane, out of sight, and the focus (and the next `c`) stayed on another note.
#[test]
fn an_undone_delete_puts_the_focus_back_on_the_note() {
    let mut app = tasks_app();
    let notes: Vec<String> = (1..=12).map(|i| format!("task number {i}")).collect();
    let refs: Vec<&str> = notes.iter().map(String::as_str).collect();
    add_notes(&mut app, &refs);
    app.handle_key(key(KeyCode::Home));
    draw(&mut app, 80, 24);
    press(&mut app, 'd');
    assert_eq!(texts(&app, 0)[0], "task number 2");
    press(&mut app, 'u');
    assert_eq!(texts(&app, 0)[0], "task number 1");
    assert_eq!((app.board.pane, app.board.note), (0, 0));
    press(&mut app, 'c');
    assert_eq!(
        board(&app).panes[0].notes[0].colour,
        NoteColour::Orange,
        "c colours the note that came back"
    );
    // The last note, deleted and brought back from the top of the pane.
    app.handle_key(key(KeyCode::End));
    press(&mut app, 'd');
    app.handle_key(key(KeyCode::Home));
    draw(&mut app, 80, 24);
    press(&mut app, 'u');
    assert_eq!((app.board.pane, app.board.note), (0, 11));
    let screen = text_of(&draw(&mut app, 80, 24));
    assert!(screen.contains("task number 12"), "in sight:\n{screen}");
    // Redone (deleted again), then undone from the other pane: back in its pane.
    press(&mut app, 'U');
    assert_eq!(texts(&app, 0).len(), 11);
    app.handle_key(key(KeyCode::Tab));
    press(&mut app, 'u');
    assert_eq!((app.board.pane, app.board.note), (0, 11));
}

/// QA: End in the first pane, then Tab: the next pane scrolled down to its note of
/// the same number, a jump the room had to follow. Tab lands on the first note in view.
#[test]
fn tab_lands_on_the_first_note_in_view_without_scrolling() {
    let mut app = tasks_app();
    let notes: Vec<String> = (1..=8).map(|i| format!("first pane {i}")).collect();
    let refs: Vec<&str> = notes.iter().map(String::as_str).collect();
    add_notes(&mut app, &refs);
    app.handle_key(key(KeyCode::Tab));
    let notes: Vec<String> = (1..=8).map(|i| format!("second pane {i}")).collect();
    let refs: Vec<&str> = notes.iter().map(String::as_str).collect();
    add_notes(&mut app, &refs);
    app.handle_key(key(KeyCode::Home));
    draw(&mut app, 80, 24);
    app.handle_key(key(KeyCode::BackTab));
    app.handle_key(key(KeyCode::End));
    let before = text_of(&draw(&mut app, 80, 24));
    assert!(before.contains("second pane 1 "), "{before}");
    app.handle_key(key(KeyCode::Tab));
    assert_eq!((app.board.pane, app.board.note), (1, 0));
    let after = text_of(&draw(&mut app, 80, 24));
    assert!(after.contains("second pane 1 "), "no jump:\n{after}");
}

/// A crafted or merged file may hold far more notes than a room types: the board
/// scrolls to any of them at any size, and every card stays inside the screen.
mod huge_panes {
    use super::*;
    use convene::domain::board::Note;
    use proptest::prelude::*;

    /// The tasks step with `notes` notes in the first pane, some of them in clusters.
    fn crowded(notes: usize) -> App {
        let mut app = tasks_app();
        let pane = &mut app.session.boards.get_mut("tasks").unwrap().panes[0];
        for i in 0..notes {
            pane.notes.push(Note {
                group: (i % 97 < 5).then(|| format!("Cluster {}", i / 97)),
                ..Note::new(100_000 + i as u64, format!("Note number {i}"))
            });
        }
        app.session.normalize();
        app
    }

    #[test]
    fn the_last_of_9500_notes_shows_at_80x24() {
        let mut app = crowded(9_500);
        press(&mut app, 'a');
        esc(&mut app);
        app.handle_key(key(KeyCode::End));
        let screen = text_of(&draw(&mut app, 80, 24));
        assert!(screen.contains("Note number 9499"), "{screen}");
        assert!(
            screen.contains("▲ 9497 more"),
            "the rest are counted: {screen}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]
        #[test]
        fn any_note_of_a_huge_pane_shows_at_any_size(
            notes in 5_000usize..30_000,
            pick in 0.0f64..1.0,
            width in 20u16..220,
            height in 6u16..70,
        ) {
            let mut app = crowded(notes);
            let target = ((notes - 1) as f64 * pick) as usize;
            app.update(Action::Resize { width, height });
            app.handle_key(key(KeyCode::Home));
            app.board.note = target;
            // A move puts the focus in view; Down then Up comes back to a neighbour.
            app.update(Action::Board(BoardAction::Focus(convene::app::board::Dir::Down)));
            app.update(Action::Board(BoardAction::Focus(convene::app::board::Dir::Up)));
            let focused = app.board.note;
            let screen = text_of(&draw(&mut app, width, height));
            if width >= 80 && height >= 24 {
                let text = format!("Note number {focused}");
                prop_assert!(screen.contains(&text), "{} not shown:\n{}", text, screen);
            }
        }
    }
}

#[test]
fn every_pane_title_counts_its_notes_the_same_way() {
    let mut app = app_with(Template::default_template(), &["Online permits"]);
    app.update(Action::GoToStep(4));
    add_notes(&mut app, &["Two developers for six weeks"]);
    for (width, height) in [(80, 24), (100, 30), (120, 35), (160, 48)] {
        let screen = text_of(&draw(&mut app, width, height));
        let row = screen
            .lines()
            .find(|l| l.contains("Financial"))
            .expect("the resources board");
        let panes = ["Financial", "People", "Political", "Other"];
        let shown = panes.iter().filter(|p| row.contains(*p)).count();
        let in_words = row.matches(" note").count();
        assert!(
            in_words == 0 || in_words == shown,
            "{width}x{height}: {row}"
        );
    }
}
