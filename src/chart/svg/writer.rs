//! A tiny SVG text writer: elements with attributes, XML escaping, and fixed number formatting
//! (one decimal) so the same chart always gives the same bytes.

use std::fmt::Write;

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal, `-0.0` printed as `0`.
pub fn num(v: f64) -> String {
    let s = format!("{v:.1}");
    let s = s.strip_suffix(".0").unwrap_or(&s).to_owned();
    if s == "-0" { "0".into() } else { s }
}

/// Builds an SVG document as text.
#[derive(Debug, Default)]
pub struct Svg {
    out: String,
}

impl Svg {
    /// Starts a document of `w` × `h` pixels.
    pub fn new(w: u32, h: u32, title: &str) -> Self {
        let mut s = Self::default();
        s.raw(&format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
             width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             font-family=\"DejaVu Sans, sans-serif\">\n<title>{}</title>\n",
            escape(title)
        ));
        s
    }

    /// Appends raw markup.
    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Opens a group with extra attributes (already formatted, e.g. `id="legend"`).
    pub fn open(&mut self, attrs: &str) {
        if attrs.is_empty() {
            self.raw("<g>\n");
        } else {
            let _ = writeln!(self.out, "<g {attrs}>");
        }
    }

    /// Closes a group.
    pub fn close(&mut self) {
        self.raw("</g>\n");
    }

    /// A `<title>` tooltip for the enclosing group.
    pub fn tooltip(&mut self, text: &str) {
        let _ = writeln!(self.out, "<title>{}</title>", escape(text));
    }

    /// A line; `style` holds stroke attributes.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, style: &str) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {style}/>",
            num(x1),
            num(y1),
            num(x2),
            num(y2)
        );
    }

    /// A rectangle from its corner and size (negative sizes are normalised).
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, style: &str) {
        let (x, w) = if w < 0.0 { (x + w, -w) } else { (x, w) };
        let (y, h) = if h < 0.0 { (y + h, -h) } else { (y, h) };
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {style}/>",
            num(x),
            num(y),
            num(w),
            num(h)
        );
    }

    /// A circle.
    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, style: &str) {
        let _ = writeln!(
            self.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {style}/>",
            num(cx),
            num(cy),
            num(r)
        );
    }

    /// A path through points (`M x y L x y …`), open.
    pub fn polyline(&mut self, pts: &[(f64, f64)], style: &str) {
        if pts.len() < 2 {
            return;
        }
        let d: Vec<String> = pts
            .iter()
            .enumerate()
            .map(|(i, (x, y))| format!("{}{} {}", if i == 0 { "M" } else { "L" }, num(*x), num(*y)))
            .collect();
        let _ = writeln!(self.out, "<path d=\"{}\" {style}/>", d.join(" "));
    }

    /// A closed filled polygon.
    pub fn polygon(&mut self, pts: &[(f64, f64)], style: &str) {
        let p: Vec<String> = pts
            .iter()
            .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
            .collect();
        let _ = writeln!(self.out, "<polygon points=\"{}\" {style}/>", p.join(" "));
    }

    /// Text at a point; `style` holds font and anchor attributes.
    pub fn text(&mut self, x: f64, y: f64, text: &str, style: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{}\" y=\"{}\" {style}>{}</text>",
            num(x),
            num(y),
            escape(text)
        );
    }

    /// Ends the document and returns its text.
    pub fn finish(mut self) -> String {
        self.raw("</svg>\n");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_formats() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(3.26), "3.3");
    }
}
