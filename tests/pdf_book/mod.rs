//! A generated book for the PDF import tests and the growth benchmark: `pages` pages of
//! numbered prose in the standard Times-Roman font with compressed content streams, written
//! with `lopdf`. Each page says which page it is (`Page 17 of 352`), so a test can check that
//! every page arrived, and carries figures whose digits a test can check.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// Words the generated prose is made of (our own).
const WORDS: &[&str] = &[
    "capacity",
    "contract",
    "megawatts",
    "supplier",
    "financing",
    "accelerator",
    "valuation",
    "tranche",
    "reserve",
    "datacentre",
    "quarter",
    "revenue",
    "commitment",
    "investor",
    "chips",
    "order",
    "delivery",
    "lease",
    "cooling",
    "grid",
    "partner",
    "round",
    "equity",
    "credit",
];

/// The text of line `l` of page `p`: prose with a figure, deterministic.
pub fn line(p: usize, l: usize) -> String {
    let mut s = String::new();
    for k in 0..11 {
        let w = WORDS[(p * 7 + l * 13 + k * 5) % WORDS.len()];
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    s.push_str(&format!(" {}.{} million", p * 3 + l, (p + l) % 10));
    s
}

/// Lines per page.
pub const LINES: usize = 46;

/// A PDF of `pages` pages.
pub fn book(pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Times-Roman",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::with_capacity(pages);
    for p in 1..=pages {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![56.into(), 790.into()]),
            Operation::new(
                "Tj",
                vec![Object::string_literal(format!("Page {p} of {pages}"))],
            ),
        ];
        for l in 0..LINES {
            ops.push(Operation::new("T*", vec![]));
            ops.push(Operation::new(
                "Tj",
                vec![Object::string_literal(line(p, l))],
            ));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops };
        let mut stream = Stream::new(dictionary! {}, content.encode().expect("encodes"));
        stream.compress().expect("compresses");
        let content_id = doc.add_object(stream);
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(page_id.into());
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => pages as i64,
        }),
    );
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("writes to memory");
    out
}
