//! The big countdown the back row reads, with its stage always spelled out.

use super::theme::Theme;
use crate::domain::timer::{Countdown, Stage};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

/// Rows the countdown takes at a screen height: big glyphs where there is room.
pub fn height_for(screen_height: u16) -> u16 {
    match screen_height {
        h if h >= 34 => 8 + 1,
        h if h >= 18 => 4 + 1,
        _ => 1,
    }
}

pub fn render(frame: &mut Frame, area: Rect, countdown: &Countdown, theme: &Theme) {
    let style = theme.stage(countdown.stage);
    let text = countdown.text();
    let label = label_line(countdown, theme);
    if area.height < 5 {
        let line = Line::from(vec![
            Span::styled(format!(" {text} "), style),
            Span::raw(" "),
        ])
        .patch_style(theme.base());
        let mut spans = line.spans;
        spans.extend(label.spans);
        frame.render_widget(
            Paragraph::new(Line::from(spans)).alignment(Alignment::Center),
            area,
        );
        return;
    }
    let size = if area.height >= 9 {
        PixelSize::Full
    } else {
        PixelSize::Quadrant
    };
    let glyph_rows = if size == PixelSize::Full { 8 } else { 4 };
    let big = BigText::builder()
        .pixel_size(size)
        .style(style)
        .lines(vec![Line::from(text)])
        .alignment(Alignment::Center)
        .build();
    let big_area = Rect {
        height: glyph_rows,
        ..area
    };
    if countdown.stage == Stage::Overtime {
        // The whole band turns, so time-up is unmistakable from across the room.
        frame.buffer_mut().set_style(big_area, style);
    }
    frame.render_widget(big, big_area);
    let label_area = Rect {
        y: area.y + glyph_rows,
        height: area.height - glyph_rows,
        ..area
    };
    frame.render_widget(
        Paragraph::new(label).alignment(Alignment::Center),
        label_area,
    );
}

/// "■ TIME IS UP · 15:00 planned · paused": the words that carry the stage.
pub fn label_line<'a>(countdown: &Countdown, theme: &Theme) -> Line<'a> {
    let stage = countdown.stage;
    let planned = crate::domain::timer::mm_ss(countdown.allotted_ms / 1000);
    let state = if countdown.running {
        "running"
    } else {
        "PAUSED · Space to start"
    };
    let mut spans = vec![
        Span::styled(
            format!(" {} {} ", stage.symbol(), stage.label()),
            theme.stage(stage),
        ),
        Span::styled(format!("  {planned} planned  ·  {state}"), theme.muted()),
    ];
    if stage == Stage::Overtime {
        spans.insert(
            1,
            Span::styled(
                format!("  {} over", countdown.text().trim_start_matches('+')),
                theme.error(),
            ),
        );
    }
    Line::from(spans)
}
