//! The join panel the room scans: a QR code of the join address drawn dark on light
//! with its quiet zone, the address in text and the join code in big letters; and,
//! with the panel hidden, a small "sharing · N people" badge. The facilitator's
//! screen adds its keys and the inbox; a mirror draws the same from what it was told.

use super::theme::Theme;
use crate::app::App;
use crate::app::keys::Context;
use crate::domain::share::Joining;
use crate::domain::text::{sanitize_line, shorten};
use crate::layout::share::{QUIET, QrScale, panel};
use crate::layout::text::wrap_lines;
use qrcode::{Color as Module, EcLevel, QrCode};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

/// What the facilitator's screen shows of sharing: the panel with the keys, or the
/// badge with the inbox.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(joining) = app.joining() else {
        return;
    };
    let key = |action| app.keymap.first_keys(Context::Workshop, &[action]);
    let extra = if joining.panel {
        format!(
            "{}: hide this · {}/{}: notes/voting",
            key("share"),
            key("phone_notes"),
            key("phone_votes")
        )
    } else if !app.console_shows() {
        // Without a mirror this screen is the room's: the count, never a note the
        // facilitator has not yet accepted.
        match app.waiting() {
            0 => String::new(),
            n => format!(
                "· {n} waiting {} ",
                app.keymap
                    .first_keys(Context::Workshop, &["accept", "drop", "accept_all"])
            ),
        }
    } else {
        app.next_waiting()
            .map(|next| {
                let keys = app
                    .keymap
                    .first_keys(Context::Workshop, &["accept", "drop", "accept_all"]);
                format!(
                    "· {} waiting, next “{}” {keys} ",
                    app.waiting(),
                    shorten(&sanitize_line(next), 30)
                )
            })
            .unwrap_or_default()
    };
    render_joining(frame, area, &joining, &extra, theme);
}

/// The panel or the badge for `joining`; `extra`: a last line on the panel, or more
/// words on the badge.
pub fn render_joining(
    frame: &mut Frame,
    area: Rect,
    joining: &Joining,
    extra: &str,
    theme: &Theme,
) {
    if joining.panel {
        render_panel(frame, area, joining, extra, theme);
    } else {
        render_badge(frame, area, joining, extra, theme);
    }
}

/// The QR code's modules, quiet zone included, row by row (`true` is dark).
pub fn modules(url: &str) -> Option<(u16, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let inner = code.width();
    let side = inner + 2 * usize::from(QUIET);
    let colors = code.to_colors();
    let q = usize::from(QUIET);
    let dark = (0..side * side)
        .map(|i| {
            let (x, y) = (i % side, i / side);
            (q..q + inner).contains(&x)
                && (q..q + inner).contains(&y)
                && colors[(y - q) * inner + (x - q)] == Module::Dark
        })
        .collect();
    Some((u16::try_from(side).ok()?, dark))
}

fn render_panel(frame: &mut Frame, area: Rect, live: &Joining, extra: &str, theme: &Theme) {
    let Some((side, dark)) = modules(&live.url) else {
        return;
    };
    let layout = panel(area, side);
    frame.render_widget(Clear, layout.frame);
    frame.render_widget(
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.accent())
            .title(Span::styled(" Join from your phone ", theme.title()))
            .style(theme.base()),
        layout.frame,
    );
    let first = match layout.qr {
        Some((qr, scale)) => {
            draw_qr(frame.buffer_mut(), qr, scale, side, &dark);
            Span::styled("Scan the code, or open", theme.base())
        }
        None => Span::styled(
            "Too small for a QR code a phone can scan: enlarge the window. Open",
            theme.error(),
        ),
    };
    // Wrapped here, so the big code goes just under the lines as drawn.
    let width = usize::from(layout.text.width);
    let mut lines: Vec<Line> = wrap_lines(&first.content, width, 4)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, first.style)))
        .collect();
    lines.extend(
        wrap_lines(&live.url, width, 3)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.title()))),
    );
    lines.push(Line::from(""));
    lines.push(Line::from("Join code"));
    let head = lines.len() as u16;
    let text = layout.text;
    frame.render_widget(Paragraph::new(lines).style(theme.base()), text);
    let code_area = Rect {
        y: text.y + head,
        height: text.height.saturating_sub(head),
        ..text
    };
    let size = if code_area.width >= 8 * live.code.len() as u16 && code_area.height >= 12 {
        PixelSize::Full
    } else {
        PixelSize::Quadrant
    };
    let rows = if size == PixelSize::Full { 8 } else { 4 };
    frame.render_widget(
        BigText::builder()
            .pixel_size(size)
            .style(theme.title())
            .lines(vec![Line::from(live.code.clone())])
            .alignment(Alignment::Left)
            .build(),
        Rect {
            height: rows.min(code_area.height),
            ..code_area
        },
    );
    let tail = vec![
        Line::from(format!(
            "{} · notes {} · voting {}",
            people(live.people),
            if live.notes_open { "open" } else { "closed" },
            if live.votes_open { "open" } else { "closed" },
        )),
        Line::from(Span::styled(extra.to_string(), theme.muted())),
    ];
    let below = Rect {
        y: code_area.y + rows + 1,
        height: code_area.height.saturating_sub(rows + 1),
        ..code_area
    };
    frame.render_widget(
        Paragraph::new(tail)
            .wrap(Wrap { trim: true })
            .style(theme.base()),
        below,
    );
}

fn people(n: usize) -> String {
    match n {
        1 => "1 person joined".into(),
        n => format!("{n} people joined"),
    }
}

/// Dark modules black, light ones white, whatever the theme: phones read dark on light.
fn draw_qr(buf: &mut Buffer, area: Rect, scale: QrScale, side: u16, dark: &[bool]) {
    let colour = |x: u16, y: u16| {
        let on = x < side && y < side && dark[usize::from(y) * usize::from(side) + usize::from(x)];
        if on { Color::Black } else { Color::White }
    };
    for cy in 0..area.height {
        for cx in 0..area.width {
            let cell = &mut buf[(area.x + cx, area.y + cy)];
            match scale {
                QrScale::Half => {
                    cell.set_char('▀').set_style(
                        Style::default()
                            .fg(colour(cx, cy * 2))
                            .bg(colour(cx, cy * 2 + 1)),
                    );
                }
                QrScale::Double => {
                    cell.set_char(' ')
                        .set_style(Style::default().bg(colour(cx / 2, cy)));
                }
            }
        }
    }
}

/// The badge covers the end of the header: when it hides any of the header's text,
/// the column before it says so with "…" (a wide character there is replaced whole).
fn mark_hidden(buf: &mut Buffer, badge: Rect) {
    let y = badge.y;
    let blank = |buf: &Buffer, x: u16| matches!(buf[(x, y)].symbol(), " " | "");
    if badge.x == 0 || (badge.x..badge.right()).all(|x| blank(buf, x)) {
        return;
    }
    let mut x = badge.x - 1;
    if buf[(x, y)].symbol().is_empty() && x > 0 {
        // The second half of a wide character: the first half takes the mark.
        buf[(x, y)].set_symbol(" ");
        x -= 1;
    }
    buf[(x, y)].set_symbol("…");
}

/// "sharing · 12 people", at the header's right end, while the panel is hidden.
fn render_badge(frame: &mut Frame, area: Rect, joining: &Joining, extra: &str, theme: &Theme) {
    let mut text = format!(
        " sharing · {} ",
        people(joining.people).replace(" joined", "")
    );
    text.push_str(extra);
    // Display width: a note may hold wide characters.
    let width = (text.width() as u16).min(area.width);
    let badge = Rect::new(area.right() - width, area.y, width, 1);
    mark_hidden(frame.buffer_mut(), badge);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(text, theme.selected()))),
        badge,
    );
}
