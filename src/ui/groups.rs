//! The groups step on the projector: one card per group, its number big enough for
//! the back row, what it works on, and who is in it when names were typed.

use super::theme::Theme;
use crate::app::App;
use crate::app::keys::Context;
use crate::domain::groups::{Groups, Method};
use crate::domain::text::sanitize_line;
use crate::layout::groups::{CARD_MIN_WIDTH, cards};
use crate::layout::text::shorten_to_width;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(groups) = &app.session.groups else {
        return;
    };
    if area.height < 3 || area.width < CARD_MIN_WIDTH / 2 {
        return;
    }
    let head = Rect { height: 1, ..area };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(headline(groups), theme.title()))),
        head,
    );
    // The facilitator's keys, when the cards keep room for the number (help has them).
    let top = if area.height >= 16 {
        let hint_area = Rect {
            y: area.y + 1,
            height: 1,
            ..area
        };
        frame.render_widget(
            Paragraph::new(Span::styled(hints(app), theme.muted())),
            hint_area,
        );
        2
    } else {
        1
    };
    let body = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    for (n, card) in cards(body, groups.count) {
        render_card(frame, card, app, groups, n, theme);
    }
}

/// "6 groups, counted off around the room · 14 names" or how to count off.
fn headline(groups: &Groups) -> String {
    let n = groups.count;
    match (groups.participants.len(), groups.method) {
        (0, _) => {
            format!("Count off around the room: 1, 2 … {n}, then 1 again. Gather by your number.")
        }
        (people, Method::CountOff) => {
            format!("{n} groups, counted off in the order people sit · {people} people")
        }
        (people, Method::Random) => format!("{n} groups, drawn at random · {people} people"),
    }
}

/// The facilitator's keys for this screen, with the user's keys.
fn hints(app: &App) -> String {
    let keys = &app.keymap;
    let hints: [(&[&str], &str); 5] = [
        (&["more", "fewer"], "groups"),
        (&["participants"], "names"),
        (&["redraw"], "draw again"),
        (&["method"], "count off / random"),
        (&["next_group", "next_work"], "a group's work"),
    ];
    hints
        .iter()
        .map(|(actions, what)| (keys.first_keys(Context::Groups, actions), what))
        .filter(|(k, _)| !k.is_empty())
        .map(|(k, what)| format!("{k} {what}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn render_card(frame: &mut Frame, area: Rect, app: &App, groups: &Groups, n: u32, theme: &Theme) {
    let selected = n == app.groups.selected;
    // A low card keeps its lines for the number: a top border only.
    let borders = if area.height < 7 {
        Borders::TOP
    } else {
        Borders::ALL
    };
    let block = Block::default()
        .borders(borders)
        .border_type(if selected {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if selected {
            theme.accent()
        } else {
            theme.border()
        })
        .title(Span::styled(format!(" Group {n} "), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let members = groups.members_of(n);
    // The number as large as the card allows, above the work and names, or beside
    // them on a low card.
    let wanted_text = 1 + u16::from(!members.is_empty());
    let digits = n.to_string().len() as u16;
    let big = |size| {
        BigText::builder()
            .pixel_size(size)
            .style(theme.title())
            .lines(vec![Line::from(n.to_string())])
            .alignment(Alignment::Center)
            .build()
    };
    let rest = if inner.height >= 8 + wanted_text && inner.width >= 8 * digits {
        frame.render_widget(big(PixelSize::Full), Rect { height: 8, ..inner });
        Rect {
            y: inner.y + 8,
            height: inner.height - 8,
            ..inner
        }
    } else if inner.height >= 4 + wanted_text && inner.width >= 4 * digits {
        frame.render_widget(big(PixelSize::Quadrant), Rect { height: 4, ..inner });
        Rect {
            y: inner.y + 4,
            height: inner.height - 4,
            ..inner
        }
    } else if inner.height >= 4 && inner.width >= 4 * digits + 12 {
        let w = 4 * digits + 2;
        frame.render_widget(big(PixelSize::Quadrant), Rect { width: w, ..inner });
        Rect {
            x: inner.x + w,
            width: inner.width - w,
            ..inner
        }
    } else {
        inner
    };
    let width = usize::from(rest.width);
    let mut lines = vec![Line::from(Span::styled(
        shorten_to_width(&work_name(app, groups, n), width).into_owned(),
        theme.accent().add_modifier(Modifier::BOLD),
    ))];
    if !members.is_empty() {
        lines.push(Line::from(Span::styled(
            members_line(groups, n),
            theme.base(),
        )));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rest,
    );
}

/// "Ana, Ben, Chen": who is in group `n`.
pub fn members_line(groups: &Groups, n: u32) -> String {
    groups
        .members_of(n)
        .iter()
        .map(|m| sanitize_line(m))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What group `n` works on: its initiative's name or its table's title.
pub fn work_name(app: &App, groups: &Groups, n: u32) -> String {
    match crate::domain::room::group_work(&app.session, groups, n) {
        Some(name) => sanitize_line(&name),
        None => "work to be given (w)".into(),
    }
}
