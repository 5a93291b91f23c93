//! Which columns show, and how wide: the focused one always, the others as room allows.

use super::GridInput;
use crate::domain::dates;
use crate::domain::plan::status_value;
use crate::domain::template::{ColumnKind, ColumnSpec};
use crate::domain::text::sanitize_line;
use unicode_width::UnicodeWidthStr;

/// Rows measured to size the columns: enough to be fair, few enough to stay fast.
const MEASURED_ROWS: usize = 400;
/// The width of a column with nothing in it (its title, cut).
const EMPTY_MIN: usize = 8;
/// A person column with names in it shows this much of them at least.
const NAME_MIN: usize = 14;

/// Narrowest and most useful widths of a column's content.
fn column_limits(kind: &ColumnKind) -> (usize, usize) {
    match kind {
        ColumnKind::Text => (14, 44),
        ColumnKind::LongText => (10, 32),
        ColumnKind::Person => (8, 20),
        ColumnKind::Date => (10, 17),
        // A status is read by its label (the symbol alone is not enough): a status
        // column that shows, shows its longest label whole.
        ColumnKind::Status(values) => {
            let widest = values.iter().map(|v| v.width()).max().unwrap_or(4) + 2;
            (widest, widest)
        }
    }
}

/// The width a cell would like, without the cost of laying it out.
fn natural_width(cell: &str, column: &ColumnSpec) -> usize {
    match &column.kind {
        ColumnKind::Date if dates::stored(cell).is_some() => 15,
        ColumnKind::Status(_) => status_value(cell, column).width() + 2,
        _ => cell.lines().next().unwrap_or("").width() + if cell.contains('\n') { 4 } else { 0 },
    }
}

/// The columns that show: template columns with their widths, whether columns are
/// hidden on either side, and the first scrolled column (to keep for next time).
pub(super) struct Shown {
    pub columns: Vec<(usize, usize)>,
    pub more_left: bool,
    pub more_right: bool,
    pub left: usize,
}

/// Chooses the columns that show and their widths. The focused column always shows;
/// the first one stays as a frozen label while the others scroll from `left` on (or
/// as little further as it takes to show the focus).
/// Works on display positions (`order` maps them to template columns).
pub(super) fn layout_columns(
    input: &GridInput,
    width: usize,
    order: &[usize],
    left: usize,
) -> Shown {
    let all = &input.session.step_table().columns;
    let columns: Vec<&ColumnSpec> = order.iter().map(|&k| &all[k]).collect();
    let focus = order.iter().position(|&k| k == input.column).unwrap_or(0);
    let n = columns.len();
    let limits: Vec<(usize, usize)> = columns.iter().map(|c| column_limits(&c.kind)).collect();
    let mut ideal: Vec<usize> = limits
        .iter()
        .zip(&columns)
        .map(|((min, _), c)| (*min).max(sanitize_line(&c.title).width().min(16)))
        .collect();
    let mut filled = vec![false; n];
    for &i in input.view.iter().take(MEASURED_ROWS) {
        let row = &input.session.step_rows().rows[i];
        for (k, c) in columns.iter().enumerate() {
            let mut w = natural_width(row.cell(&c.key), c);
            if input.problems.cell(row.id, &c.key).is_some() {
                w += 2;
            }
            filled[k] |= w > 0;
            ideal[k] = ideal[k].max(w.min(limits[k].1));
        }
    }
    // What each column needs to be worth showing: an empty one only its title's start,
    // a person column its names (the owner is what the plan step is about: "Ben Okaf…"
    // beside an empty column was the wrong trade).
    // Which columns show is chosen with the usual minimums (so the view does not
    // fill up with empty columns); the widths then start from these needs.
    let needs: Vec<usize> = limits
        .iter()
        .enumerate()
        .map(|(k, &(min, _))| {
            if k == 0 {
                min
            } else if !filled[k] {
                min.min(EMPTY_MIN)
            } else if columns[k].kind == ColumnKind::Person {
                min.max(ideal[k].min(NAME_MIN))
            } else {
                min
            }
        })
        .collect();
    for k in 1..n {
        if !filled[k] {
            ideal[k] = needs[k];
        }
    }
    let gap = 1;
    let sum_min: usize = limits.iter().map(|(m, _)| m + gap).sum();
    let mut first_width = limits[0].0;
    let mut start = 1;
    let visible: Vec<usize> = if sum_min <= width {
        (0..n).collect()
    } else {
        // Scroll: column 0 stays (it says which action a row is, so it keeps a fair
        // share); a window of the others holds the focused column.
        first_width = ideal[0].min(width / 3).max(limits[0].0);
        let room = width.saturating_sub(first_width + gap);
        start = left.clamp(1, n.saturating_sub(1).max(1));
        if focus >= 1 && focus < start {
            start = focus;
        }
        let fits = |from: usize, to: usize| -> bool {
            (from..=to).map(|k| limits[k].0 + gap).sum::<usize>() <= room
        };
        if focus >= 1 {
            while start < focus && !fits(start, focus) {
                start += 1;
            }
        }
        let mut end = start;
        while end + 1 < n && fits(start, end + 1) {
            end += 1;
        }
        let mut v = vec![0];
        if start < n {
            v.extend(start..=end);
        }
        v
    };
    let more_left = visible.len() > 1 && visible[1] > 1;
    let more_right = visible.last().is_some_and(|&l| l + 1 < n);
    // Widths: every shown column gets its minimum, then more towards its ideal, then
    // whatever is left goes to the text columns.
    let mut widths: Vec<usize> = visible
        .iter()
        .map(|&k| if k == 0 { first_width } else { needs[k] })
        .collect();
    let used: usize = widths.iter().map(|w| w + gap).sum();
    let mut spare = width.saturating_sub(used);
    let mut wants: Vec<usize> = visible
        .iter()
        .zip(&widths)
        .map(|(&k, w)| ideal[k].saturating_sub(*w))
        .collect();
    // One column at a time, so that short wants (a name, a date) are met first; the
    // action step and the people, which say what a row is, get a double share.
    while spare > 0 && wants.iter().any(|&w| w > 0) {
        for (j, (w, want)) in widths.iter_mut().zip(wants.iter_mut()).enumerate() {
            let step = if visible[j] == 0 || columns[visible[j]].kind == ColumnKind::Person {
                2
            } else {
                1
            };
            let add = step.min(*want).min(spare);
            *w += add;
            *want -= add;
            spare -= add;
        }
    }
    let text_cols: Vec<usize> = visible
        .iter()
        .enumerate()
        .filter(|(_, k)| {
            matches!(columns[**k].kind, ColumnKind::Text | ColumnKind::LongText)
                && (**k == 0 || filled[**k])
        })
        .map(|(j, _)| j)
        .collect();
    if !text_cols.is_empty() && spare > 0 {
        let each = spare / text_cols.len();
        for &j in &text_cols {
            widths[j] += each;
        }
        widths[text_cols[0]] += spare - each * text_cols.len();
    } else if let Some(last) = widths.last_mut() {
        *last += spare;
    }
    let shrink_to = |widths: &mut Vec<usize>| {
        // When even the minimums do not fit, the frozen column gives way.
        let used: usize = widths.iter().map(|w| w + gap).sum();
        if used > width {
            let over = used - width;
            widths[0] = widths[0].saturating_sub(over).max(4);
        }
    };
    shrink_to(&mut widths);
    Shown {
        columns: visible.into_iter().map(|p| order[p]).zip(widths).collect(),
        more_left,
        more_right,
        left: start,
    }
}
