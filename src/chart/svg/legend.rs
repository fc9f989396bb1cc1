//! The legend panel (series, then a key to the styling actually used), the "not plotted (why)"
//! list, and the provenance footnote.

use super::marks::{arrow, disagree_mark, marker};
use super::writer::Svg;
use super::{RenderOptions, color};
use crate::chart::data::{ChartData, Mark, StatusStyle};
use crate::chart::style::KeyGlyph;

/// Shortens `s` to at most `n` characters with an ellipsis.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// `text` in lines of at most `n` characters, broken between words (a word longer than a line
/// is cut with an ellipsis).
fn wrap(text: &str, n: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > n {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(|l| clip(&l, n)).collect()
}

/// The legend in the column from `x`, `width` pixels wide.
pub(crate) fn legend(
    svg: &mut Svg,
    data: &ChartData,
    (x, width): (f64, f64),
    top: f64,
    bottom: f64,
) {
    // Characters that fit in the column beside a glyph (11–12 px text).
    let room = ((width - 30.0) / 6.6).max(10.0) as usize;
    svg.open("id=\"legend\" font-size=\"12\" fill=\"#222222\"");
    let mut y = top + 6.0;
    for (i, s) in data.series.iter().enumerate() {
        let c = color(i);
        let c = c.as_str();
        match s.mark {
            Mark::Points => svg.circle(x + 8.0, y - 4.0, 5.0, &format!("fill=\"{c}\"")),
            Mark::Step => svg.line(
                x,
                y - 4.0,
                x + 16.0,
                y - 4.0,
                &format!("stroke=\"{c}\" stroke-width=\"2.5\""),
            ),
            Mark::Bars => svg.rect(
                x + 2.0,
                y - 10.0,
                12.0,
                12.0,
                &format!("fill=\"{c}\" fill-opacity=\"0.7\""),
            ),
        }
        svg.text(x + 24.0, y, &clip(&s.name, room), "");
        y += 18.0;
    }
    y += 8.0;
    // The entries the app's key shows too ([`crate::chart::style::key`]).
    let key = crate::chart::style::key(data);
    svg.open("id=\"style-key\" font-size=\"11\" fill=\"#444444\"");
    for (glyph, label) in key {
        draw_glyph(svg, glyph, x + 8.0, y - 4.0);
        // A long explanation on several lines rather than past the image's edge (the text
        // starts beside the glyph, so it has a little less room than the column).
        for (k, line) in wrap(label, room.saturating_sub(4).max(8))
            .iter()
            .enumerate()
        {
            if k > 0 {
                y += 14.0;
            }
            svg.text(x + 24.0, y, line, "");
        }
        y += 17.0;
    }
    svg.close();
    not_plotted(svg, data, x, y + 10.0, bottom, room);
    svg.close();
}

/// The key's sample of `glyph` centred at `(x, y)`; the app paints the same shapes.
fn draw_glyph(svg: &mut Svg, glyph: KeyGlyph, x: f64, y: f64) {
    let c = "#555555";
    let st = format!("stroke=\"{c}\" stroke-width=\"2\"");
    match glyph {
        KeyGlyph::Firm => marker(svg, x, y, c, StatusStyle::Firm),
        KeyGlyph::Tentative => marker(svg, x, y, c, StatusStyle::Tentative),
        KeyGlyph::OpenUp => arrow(svg, x, y + 6.0, -1.0, 13.0, c),
        KeyGlyph::OpenDown => arrow(svg, x, y - 6.0, 1.0, 13.0, c),
        KeyGlyph::Band => svg.rect(
            x - 7.0,
            y - 6.0,
            14.0,
            12.0,
            &format!("fill=\"{c}\" fill-opacity=\"0.3\""),
        ),
        KeyGlyph::Interval => {
            svg.line(x, y - 6.0, x, y + 6.0, &st);
            svg.line(x - 4.0, y - 6.0, x + 4.0, y - 6.0, &st);
            svg.line(x - 4.0, y + 6.0, x + 4.0, y + 6.0, &st);
        }
        KeyGlyph::Contradicted => disagree_mark(svg, x, y),
        KeyGlyph::Span => {
            svg.line(x - 8.0, y, x + 8.0, y, &st);
            svg.line(x - 8.0, y - 4.0, x - 8.0, y + 4.0, &st);
            svg.line(x + 8.0, y - 4.0, x + 8.0, y + 4.0, &st);
        }
    }
}

fn not_plotted(svg: &mut Svg, data: &ChartData, x: f64, mut y: f64, bottom: f64, width: usize) {
    // Nothing at all when not even the heading fits above the footnote.
    if data.not_plotted.is_empty() || y > bottom {
        return;
    }
    svg.open("id=\"not-plotted\" font-size=\"11\" fill=\"#555555\"");
    svg.text(
        x,
        y,
        &format!("Not plotted ({}):", data.not_plotted.len()),
        "fill=\"#222222\"",
    );
    y += 15.0;
    // Rows that fit above `bottom`; when they are fewer than the list, the last says how many
    // more there are.
    // Each claim takes two lines: what it is, then why it is left out (one line cut both).
    let room = if y <= bottom {
        ((bottom - y - 14.0).max(0.0) / 28.0).floor() as usize + 1
    } else {
        0
    };
    if room == 0 {
        svg.close();
        return;
    }
    let n = data.not_plotted.len();
    let shown = if n <= room { n } else { room.saturating_sub(1) };
    for np in &data.not_plotted[..shown] {
        svg.text(x, y, &clip(&np.what, width), "");
        svg.text(
            x + 10.0,
            y + 14.0,
            &clip(&format!("{}", np.reason), width),
            "",
        );
        y += 28.0;
    }
    if shown < n {
        svg.text(x, y, &format!("+{} more (see CSV export)", n - shown), "");
    }
    svg.close();
}

/// The provenance footnote, one string per line: claims and independent sources plotted, the
/// workspace, the chart id, and the export date only when one is given.
pub fn footnote(data: &ChartData, opts: &RenderOptions) -> Vec<String> {
    let n = data.claims.len();
    let m = data.sources.len();
    let mut first = format!(
        "Plotted: {} from {}",
        crate::words::count(n, "claim"),
        crate::words::count(m, "independent source")
    );
    if m > 0 {
        let width = (f64::from(opts.size().0) / 6.6) as usize;
        let list = data.sources.join(", ");
        let room = width.saturating_sub(first.chars().count() + 3).max(12);
        first = format!("{first} ({})", clip(&list, room));
    }
    // The chart's title is the heading; its id is for files, not for readers.
    let mut second = format!("Workspace: {}", opts.workspace_title);
    if let Some(d) = opts.export_date {
        second.push_str(&format!(" · exported {}", d.format("%Y-%m-%d")));
    }
    vec![first + ".", second]
}

pub(crate) fn draw_footnote(svg: &mut Svg, lines: &[String], x: f64, mut y: f64) {
    svg.open("id=\"footnote\" font-size=\"11\" fill=\"#555555\"");
    for l in lines {
        svg.text(x, y, l, "");
        y += 15.0;
    }
    svg.close();
}
