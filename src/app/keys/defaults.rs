//! The default keys of every context. Action names are stable: a user's config
//! patches them (`[keys.board] add = "n"`), so rename one only with a migration.

use super::key::Key;
use super::keymap::{Binding, Bindings, Context, Does, FORCE_QUIT, Line};
use crate::app::board::{BoardAction as B, Dir};
use crate::app::editor::EditCommand as E;
use crate::app::share::ShareAction as H;
use crate::app::table::TableAction as T;
use crate::app::{Action, SetupAction as S};

fn line(help: &'static str, bindings: Vec<Binding>) -> Line {
    Line { help, bindings }
}

fn bind(action: &'static str, keys: &[&str], does: Does) -> Binding {
    let keys = keys
        .iter()
        .map(|k| Key::parse(k).unwrap_or_else(|e| panic!("default key: {e}")))
        .collect();
    Binding { action, keys, does }
}

fn act(action: &'static str, keys: &[&str], does: Action) -> Binding {
    bind(action, keys, Does::Act(does))
}

fn context(context: Context, lines: Vec<Line>) -> Bindings {
    Bindings {
        context,
        lines,
        otherwise: None,
    }
}

/// Every context's bindings, in the order of `Context::ALL`.
pub fn contexts() -> Vec<Bindings> {
    vec![
        workshop(),
        setup(),
        roster(),
        briefing(),
        board(),
        table(),
        groups(),
        fields(),
        plenary(),
        editor(),
        help(),
        quit(),
        stop_sharing(),
        outside(),
        mirror(),
    ]
}

fn workshop() -> Bindings {
    use Action as A;
    context(
        Context::Workshop,
        vec![
            line(
                "start, pause or resume the clock",
                vec![act("toggle_clock", &["Space"], A::ToggleClock)],
            ),
            line(
                "next / previous step",
                vec![
                    act("next_step", &["n", "PgDn"], A::NextStep),
                    act("prev_step", &["p", "PgUp"], A::PrevStep),
                ],
            ),
            line(
                "jump to a step (or click it on the agenda strip)",
                vec![bind(
                    "go_to_step",
                    &["1", "2", "3", "4", "5", "6", "7", "8", "9"],
                    Does::GoToStep,
                )],
            ),
            line(
                "go to any step: type its number, then Enter (steps 10 and on)",
                vec![act("ask_step", &[":"], A::AskStep)],
            ),
            line(
                "add / remove a minute on this step",
                vec![
                    act("add_minute", &["+", "="], A::AddMinute),
                    act("remove_minute", &["-", "_"], A::RemoveMinute),
                ],
            ),
            line(
                "rebalance the remaining steps so the workshop ends on time",
                vec![act("rebalance", &["R"], A::Rebalance)],
            ),
            line(
                "show / hide the facilitator panel: tips, challenges, time budget",
                vec![act("toggle_panel", &["f"], A::TogglePanel)],
            ),
            line(
                "the console while a mirror shows the room's screen: this step, the next, \
                 tips and the budget beside the activity (again: back)",
                vec![act("toggle_console", &["m"], A::ToggleConsole)],
            ),
            line(
                "the clock alone, as big as the screen allows (again: back)",
                vec![act("zoom", &["Z"], A::ToggleZoom)],
            ),
            line(
                "the set-up screen: session title, initiatives and fields",
                vec![act("setup", &["i"], A::ToggleSetup)],
            ),
            line(
                "open the review meeting of the plan (in one: back to the workshop's agenda)",
                vec![act("review", &["r"], A::ToggleReview)],
            ),
            line(
                "set the date of the next review",
                vec![act("next_review", &["T"], A::NextReview)],
            ),
            line(
                "the roster: who must be told, their role and contacts (again: back)",
                vec![act("roster", &["@"], A::ToggleRoster)],
            ),
            line(
                "undo / redo any change to notes, rows, initiatives, fields, groups, the roster and step minutes (+, -, R)",
                vec![
                    act("undo", &["u", "Ctrl-z"], A::Undo),
                    act("redo", &["U", "Ctrl-r", "Ctrl-y"], A::Redo),
                ],
            ),
            line(
                "export everything into exports/ beside the session",
                vec![act("export", &["x"], A::ExportAll)],
            ),
            line(
                "share with the room's phones: start and show the join code, hide it \
                 (sharing goes on), and from hidden, stop",
                vec![act("share", &["Q"], A::Share(H::Panel))],
            ),
            line(
                "phones may send notes / spend dots on the board: open / close",
                vec![
                    act("phone_notes", &["B"], A::Share(H::ToggleNotes)),
                    act("phone_votes", &["Y"], A::Share(H::ToggleVotes)),
                ],
            ),
            line(
                "how many dots each participant spends from a phone (type a number)",
                vec![act("phone_dots", &["*"], A::Share(H::AskDots))],
            ),
            line(
                "notes from phones wait in an inbox / go straight onto the board",
                vec![act("inbox", &["I"], A::Share(H::ToggleInbox))],
            ),
            line(
                "the inbox: accept the oldest note / accept all / drop the oldest",
                vec![
                    act("accept", &["E"], A::Share(H::AcceptOne)),
                    act("accept_all", &["A"], A::Share(H::AcceptAll)),
                    act("drop", &["X"], A::Share(H::DropOne)),
                ],
            ),
            line(
                "ring the bell when time is up: on / off",
                vec![act("toggle_bell", &["b"], A::ToggleBell)],
            ),
            line(
                "light / dark theme",
                vec![act("toggle_theme", &["L"], A::ToggleTheme)],
            ),
            line("this help", vec![act("help", &["?", "F1"], A::ToggleHelp)]),
            line(
                "back: close the view that is open",
                vec![act("back", &["Esc"], A::Back)],
            ),
            line("quit (always saves)", vec![act("quit", &["q"], A::Quit)]),
            line(
                "quit at once, without asking (saves too; works while typing)",
                vec![act(FORCE_QUIT, &["Ctrl-c"], A::ForceQuit)],
            ),
        ],
    )
}

fn setup() -> Bindings {
    let s = |a| Action::Setup(a);
    context(
        Context::Setup,
        vec![
            line(
                "add initiatives: Enter keeps one and opens the next, Esc stops",
                vec![act("add", &["a", "Insert"], s(S::Add))],
            ),
            line(
                "rename the selected initiative",
                vec![act("rename", &["Enter", "e"], s(S::EditName))],
            ),
            line(
                "edit its description",
                vec![act("describe", &["D"], s(S::EditDescription))],
            ),
            line(
                "delete it (its notes move to the first pane; u undoes)",
                vec![act("delete", &["d", "Delete"], s(S::Delete))],
            ),
            line(
                "move it up / down the list",
                vec![
                    act("move_up", &["K"], s(S::MoveUp)),
                    act("move_down", &["J"], s(S::MoveDown)),
                ],
            ),
            line(
                "select the previous / next initiative",
                vec![
                    act("up", &["Up", "k"], s(S::Up)),
                    act("down", &["Down", "j"], s(S::Down)),
                ],
            ),
            line(
                "edit the session title",
                vec![act("title", &["t"], s(S::EditTitle))],
            ),
            line(
                "write the session's fields (objective, vision…): Enter keeps one and \
                 opens the next, Esc stops",
                vec![act("fields", &["F"], Action::EditFields)],
            ),
            line(
                "back to the workshop",
                vec![act("back", &["Esc", "i"], Action::Back)],
            ),
        ],
    )
}

fn briefing() -> Bindings {
    context(
        Context::Briefing,
        vec![line(
            "add initiatives: Enter keeps one and opens the next, Esc stops",
            vec![act("add_initiatives", &["a"], Action::Setup(S::Add))],
        )],
    )
}

fn board() -> Bindings {
    let b = |a| Action::Board(a);
    context(
        Context::Board,
        vec![
            line(
                "add notes to the pane: Enter keeps one and opens the next, Esc stops \
                 (keeping what was typed)",
                vec![act("add", &["a", "Insert"], b(B::Add))],
            ),
            line(
                "edit the note in place; a leading \"AB: \" sets the initials AB",
                vec![act("edit", &["Enter", "e"], b(B::Edit))],
            ),
            line(
                "delete the note (u undoes)",
                vec![act("delete", &["d", "Delete"], b(B::Delete))],
            ),
            line(
                "move across the cards, into the next pane at an edge (or click a card)",
                vec![
                    act("up", &["Up", "k"], b(B::Focus(Dir::Up))),
                    act("down", &["Down", "j"], b(B::Focus(Dir::Down))),
                    act("left", &["Left", "h"], b(B::Focus(Dir::Left))),
                    act("right", &["Right", "l"], b(B::Focus(Dir::Right))),
                ],
            ),
            line(
                "next / previous pane, on its first note in view",
                vec![
                    act("next_pane", &["Tab"], b(B::Pane { forward: true })),
                    act("prev_pane", &["Shift-Tab"], b(B::Pane { forward: false })),
                ],
            ),
            line(
                "first / last note of the pane",
                vec![
                    act("first_note", &["Home"], b(B::Ends { last: false })),
                    act("last_note", &["End"], b(B::Ends { last: true })),
                ],
            ),
            line(
                "next / previous colour",
                vec![
                    act("next_colour", &["c"], b(B::Colour { forward: true })),
                    act("prev_colour", &["C"], b(B::Colour { forward: false })),
                ],
            ),
            line(
                "move the note to the previous / next pane",
                vec![
                    act("to_prev_pane", &["<"], b(B::MoveToPane { forward: false })),
                    act("to_next_pane", &[">"], b(B::MoveToPane { forward: true })),
                ],
            ),
            line(
                "move the note earlier / later in its pane (at a cluster's edge, the cluster)",
                vec![
                    act("earlier", &["["], b(B::Shift { forward: false })),
                    act("later", &["]"], b(B::Shift { forward: true })),
                ],
            ),
            line(
                "add / take back a vote",
                vec![
                    act("vote", &["v"], b(B::Vote)),
                    act("unvote", &["V"], b(B::Unvote)),
                ],
            ),
            line(
                "sort the pane by votes, most first (clusters stay together)",
                vec![act("sort", &["s"], b(B::Sort))],
            ),
            line(
                "put the note in a cluster: type a heading, or Enter joins the one offered",
                vec![act("group", &["g"], b(B::Group))],
            ),
            line(
                "take the note out of its cluster",
                vec![act("ungroup", &["G"], b(B::Ungroup))],
            ),
            line(
                "promote the note to a row of the action plan (once)",
                vec![act("promote", &["P"], b(B::Promote))],
            ),
            line(
                "compact view: every note on one or two lines, its colour and votes kept (again: cards)",
                vec![act("compact", &["z"], b(B::Compact))],
            ),
        ],
    )
}

fn roster() -> Bindings {
    use crate::app::roster::RosterAction as P;
    let p = |a| Action::Roster(a);
    context(
        Context::Roster,
        vec![
            line(
                "add people: name, role, email, phone; Enter moves on, Esc stops",
                vec![act("add", &["a", "o", "Insert"], p(P::Add))],
            ),
            line(
                "edit the selected field",
                vec![act("edit", &["Enter", "e"], p(P::Edit))],
            ),
            line(
                "add everyone named in the plan who is not on the roster",
                vec![act("fill", &["F"], p(P::Fill))],
            ),
            line(
                "remove the selected person (u undoes)",
                vec![act("delete", &["d", "Delete"], p(P::Delete))],
            ),
            line(
                "select a person / a field",
                vec![
                    act("up", &["Up", "k"], p(P::Up)),
                    act("down", &["Down", "j"], p(P::Down)),
                    act("left", &["Left", "h", "Shift-Tab"], p(P::Left)),
                    act("right", &["Right", "l", "Tab"], p(P::Right)),
                ],
            ),
        ],
    )
}

fn table() -> Bindings {
    let t = |a| Action::Table(a);
    context(
        Context::Table,
        vec![
            line(
                "move between cells",
                vec![
                    act("up", &["Up", "k"], t(T::Up)),
                    act("down", &["Down", "j"], t(T::Down)),
                    act("left", &["Left", "h"], t(T::Left)),
                    act("right", &["Right", "l"], t(T::Right)),
                ],
            ),
            line(
                "next / previous cell (on to the next row at the end of one)",
                vec![
                    act("next_cell", &["Tab"], t(T::NextCell)),
                    act("prev_cell", &["Shift-Tab"], t(T::PrevCell)),
                ],
            ),
            line(
                "first / last column",
                vec![
                    act("first_column", &["Home"], t(T::FirstColumn)),
                    act("last_column", &["End"], t(T::LastColumn)),
                ],
            ),
            line(
                "first / last row",
                vec![
                    act("first_row", &["g"], t(T::FirstRow)),
                    act("last_row", &["G"], t(T::LastRow)),
                ],
            ),
            line(
                "edit the cell in place: Enter keeps the text, Esc cancels",
                vec![act("edit", &["Enter", "e", "F2"], t(T::Edit))],
            ),
            line(
                "add a row below / above: Enter fills the next column, Esc stops",
                vec![
                    act("add_below", &["o", "a", "Insert"], t(T::AddBelow)),
                    act("add_above", &["O"], t(T::AddAbove)),
                ],
            ),
            line(
                "duplicate the row (the copy goes just below)",
                vec![act("duplicate", &["c"], t(T::Duplicate))],
            ),
            line(
                "delete the row (u undoes)",
                vec![act("delete", &["d"], t(T::Delete))],
            ),
            line(
                "clear the cell",
                vec![act("clear", &["Delete", "Backspace"], t(T::ClearCell))],
            ),
            line(
                "move the row up / down",
                vec![
                    act("move_up", &["K", "Shift-Up"], t(T::MoveUp)),
                    act("move_down", &["J", "Shift-Down"], t(T::MoveDown)),
                ],
            ),
            line(
                "move the row to the previous / next parent row (a milestone to another \
                 commitment), else to the previous / next initiative, with the rows under it",
                vec![
                    act("to_prev_parent", &["<"], t(T::ToParent { forward: false })),
                    act("to_next_parent", &[">"], t(T::ToParent { forward: true })),
                ],
            ),
            line(
                "next status; on a status column, that column's next value",
                vec![act("status", &["s"], t(T::CycleStatus))],
            ),
            line(
                "progress note for the row in this meeting: what happened, the evidence",
                vec![act("note", &["N"], t(T::Note))],
            ),
            line(
                "move the row's date (type it as the room says it)",
                vec![act("move_date", &["t"], t(T::MoveDate))],
            ),
            line(
                "next / previous table: each initiative, then all",
                vec![
                    act("next_table", &["w"], t(T::NextTable)),
                    act("prev_table", &["W"], t(T::PrevTable)),
                ],
            ),
            line(
                "row detail: every field in full (Up/Down fields, Left/Right rows)",
                vec![act("detail", &["v"], t(T::ToggleDetail))],
            ),
            line(
                "jump to the next cell the plan check flags (▲) and say why",
                vec![act("next_problem", &["!"], t(T::NextProblem))],
            ),
            line(
                "sort the view by owner, date, status, or the stored order",
                vec![act("sort", &["S"], t(T::CycleSort))],
            ),
            line(
                "filter: a name, a status, overdue, no owner, no date, by <date>",
                vec![act("filter", &["/"], t(T::Filter))],
            ),
            line(
                "close the row detail, else drop the filter",
                vec![act("back", &["Esc"], t(T::Back))],
            ),
        ],
    )
}

fn groups() -> Bindings {
    use crate::app::groups::GroupsAction as G;
    let g = |a| Action::Groups(a);
    context(
        Context::Groups,
        vec![
            line(
                "more / fewer groups",
                vec![
                    act("more", &[">"], g(G::More)),
                    act("fewer", &["<"], g(G::Fewer)),
                ],
            ),
            line(
                "type the participants' names, one a line, to show who is in which group",
                vec![act("participants", &["a"], g(G::Participants))],
            ),
            line(
                "draw the groups again at random",
                vec![act("redraw", &["r"], g(G::Redraw))],
            ),
            line(
                "form groups by counting off / at random",
                vec![act("method", &["M"], g(G::Method))],
            ),
            line(
                "select the previous / next group",
                vec![
                    act(
                        "prev_group",
                        &["Left", "h"],
                        g(G::Select { forward: false }),
                    ),
                    act(
                        "next_group",
                        &["Right", "l", "Tab"],
                        g(G::Select { forward: true }),
                    ),
                ],
            ),
            line(
                "give the selected group the next / previous initiative (or table)",
                vec![
                    act("next_work", &["w"], g(G::Work { forward: true })),
                    act("prev_work", &["W"], g(G::Work { forward: false })),
                ],
            ),
        ],
    )
}

fn fields() -> Bindings {
    context(
        Context::Fields,
        vec![line(
            "write the fields this step shows: Enter keeps one and opens the next, Esc stops",
            vec![act("edit", &["F"], Action::EditFields)],
        )],
    )
}

fn plenary() -> Bindings {
    context(
        Context::Plenary,
        vec![line(
            "the previous / next group, when they do not all fit side by side",
            vec![
                act("prev", &["("], Action::PlenaryPage { forward: false }),
                act("next", &[")"], Action::PlenaryPage { forward: true }),
            ],
        )],
    )
}

fn editor() -> Bindings {
    let e = |action, keys: &[&str], command| bind(action, keys, Does::Edit(command));
    context(
        Context::Editor,
        vec![
            line(
                "keep the text (filling a row: on to the next column)",
                vec![e("commit", &["Enter"], E::Commit)],
            ),
            line(
                "a new line, in notes and long text",
                vec![e("new_line", &["Alt-Enter", "Ctrl-j"], E::NewLine)],
            ),
            line(
                "stop: a note keeps what was typed; a cell or a name stays as it was",
                vec![e("cancel", &["Esc"], E::Cancel)],
            ),
            line(
                "take the first name or value offered under the editor",
                vec![e("complete", &["Tab"], E::Complete)],
            ),
            line(
                "undo / redo typing",
                vec![
                    e("undo", &["Ctrl-u"], E::Undo),
                    e("redo", &["Ctrl-r"], E::Redo),
                ],
            ),
        ],
    )
}

fn help() -> Bindings {
    let scroll = |lines| Action::ScrollHelp(lines);
    Bindings {
        otherwise: Some(("closes the help", Action::Back)),
        ..context(
            Context::Help,
            vec![
                line(
                    "scroll up / down a line",
                    vec![
                        act("up", &["Up", "k"], scroll(-1)),
                        act("down", &["Down", "j"], scroll(1)),
                    ],
                ),
                line(
                    "scroll up / down a page",
                    vec![
                        act("page_up", &["PgUp"], scroll(-10)),
                        act("page_down", &["PgDn", "Space"], scroll(10)),
                    ],
                ),
            ],
        )
    }
}

fn quit() -> Bindings {
    Bindings {
        otherwise: Some(("stays", Action::CancelQuit)),
        ..context(
            Context::Quit,
            vec![line(
                "quit (the session is saved)",
                vec![act("confirm", &["y", "q", "Enter"], Action::ConfirmQuit)],
            )],
        )
    }
}

fn stop_sharing() -> Bindings {
    Bindings {
        otherwise: Some(("keeps sharing", Action::Share(H::CancelStop))),
        ..context(
            Context::StopSharing,
            vec![
                line(
                    "stop sharing: the join address stops answering",
                    vec![act(
                        "confirm",
                        &["y", "Enter"],
                        Action::Share(H::ConfirmStop),
                    )],
                ),
                line(
                    "show the join code again",
                    vec![act("show", &["Q"], Action::Share(H::Panel))],
                ),
            ],
        )
    }
}

fn outside() -> Bindings {
    context(
        Context::Outside,
        vec![
            line(
                "reload: take the file as it is on disk (yours is kept beside it as NAME.conflict.json)",
                vec![act("reload", &["r"], Action::ReloadTheirs)],
            ),
            line(
                "keep yours and save it (the file's version is kept beside it the same way)",
                vec![act("keep", &["k"], Action::KeepOurs)],
            ),
        ],
    )
}

fn mirror() -> Bindings {
    context(
        Context::Mirror,
        vec![line(
            "close the mirror (the session is not touched)",
            vec![act("close", &["q", "Esc"], Action::ForceQuit)],
        )],
    )
}
