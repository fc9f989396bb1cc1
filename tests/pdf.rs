//! PDF import against expected text written before the importer ran on the files: a small
//! corpus of PDFs made by different producers (pdfLaTeX with ligatures, hyphenation and accents,
//! LibreOffice, Chromium's print to PDF, reportlab with standard fonts, forms and CJK CID fonts,
//! fpdf2 with an embedded TrueType subset and an owner password, tesseract's OCR layer over a
//! scan, and a hand-written file for metadata). `tests/fixtures/pdf/src/` holds the inputs and
//! the scripts that made them; `tests/fixtures/pdf/expected/` the expected text and metadata.
//!
//! Per file: word recall and precision against the expected text ≥ 0.97, every number of the
//! expected text present and no number that is not in it (no digit changed or invented), no
//! ligature left, no page missing. Three producers (Chromium, fpdf2, OCR) were kept unseen while
//! tuning and are scored by their own test.

use claimbench::io::import::{ImportError, ImportOptions, ImportWarning, Imported, import_bytes};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[path = "pdf_book/mod.rs"]
mod pdf_book;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf")
}

fn import(name: &str) -> Imported {
    let path = dir().join(format!("{name}.pdf"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    import_bytes(&path, &bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(dir().join(format!("expected/{name}.txt"))).expect("expected text")
}

/// Words as the comparison with `pdftotext` counts them: white-space separated, punctuation at
/// either end dropped, kept if they hold a letter or digit.
fn words(t: &str) -> HashMap<String, usize> {
    use unicode_normalization::UnicodeNormalization;
    let mut m = HashMap::new();
    // Composed and decomposed accents (`é` and `e` + U+0301, as pdftotext gives them) are one
    // word.
    let t: String = t.nfc().collect();
    // Chinese and Japanese are written without spaces between words: each of their characters
    // counts as a word, so spacing around them (which extractors differ on) does not count.
    let spaced: String = t
        .chars()
        .flat_map(|c| {
            if is_cjk(c) {
                vec![' ', c, ' ']
            } else {
                vec![c]
            }
        })
        .collect();
    for w in spaced.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && !"$€%".contains(c));
        let w = w.trim_end_matches(['$', '€']);
        if w.chars().any(char::is_alphanumeric) {
            *m.entry(w.to_owned()).or_insert(0) += 1;
        }
    }
    m
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

fn overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> usize {
    a.iter()
        .map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0)))
        .sum()
}

/// `(recall, precision)` of `got` against `want`.
fn score(want: &str, got: &str) -> (f64, f64) {
    let (w, g) = (words(want), words(got));
    let both = overlap(&w, &g) as f64;
    let total = |m: &HashMap<String, usize>| m.values().sum::<usize>().max(1) as f64;
    (both / total(&w), both / total(&g))
}

/// The numbers of a text (`1,250`, `4.5`, `2011`): each must come through unchanged.
fn numbers(t: &str) -> Vec<String> {
    let mut v: Vec<String> = t
        .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|s| s.trim_matches([',', '.']).to_owned())
        .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
        .collect();
    v.sort();
    v
}

/// Checks one corpus file; returns its scores for the table.
fn check(name: &str, missing_pages: &[&str]) -> (f64, f64) {
    let imp = import(name);
    let got = &imp.document.text;
    let want = expected(name);
    let (recall, precision) = score(&want, got);
    assert!(
        recall >= 0.97 && precision >= 0.97,
        "{name}: recall {recall:.3} precision {precision:.3}\n--- got:\n{got}"
    );
    // Numbers: a form note adds its own (the note's date), so compare the sets one way for
    // recall and only against the expected text for invented ones.
    let (want_n, got_n) = (numbers(&want), numbers(got));
    for n in &want_n {
        assert!(
            got_n.contains(n),
            "{name}: number {n} missing or changed\n{got}"
        );
    }
    for n in &got_n {
        assert!(want_n.contains(n), "{name}: number {n} invented\n{got}");
    }
    assert!(
        !got.contains(['\u{FB00}', '\u{FB01}', '\u{FB02}', '\u{FB03}', '\u{FB04}']),
        "{name}: ligature left"
    );
    assert!(
        !got.chars().any(|c| c.is_control() && c != '\n'),
        "{name}: control character left"
    );
    let notes: Vec<&String> = imp.document.import_notes.iter().collect();
    assert_eq!(
        notes.len(),
        missing_pages.len(),
        "{name}: pages not read: {notes:?}"
    );
    for (note, page) in notes.iter().zip(missing_pages) {
        assert!(note.starts_with(page), "{name}: {note}");
    }
    (recall, precision)
}

#[test]
fn seen_corpus_matches_expected_text() {
    for (name, missing) in [
        ("latex", &[][..]),
        ("latex_accents", &[]),
        ("latex_capitals", &[]),
        ("libreoffice", &[]),
        ("reportlab_plain", &["Page 2: no text layer"]),
        ("reportlab_form", &[]),
        ("reportlab_cjk", &[]),
        ("handmade_meta", &[]),
    ] {
        let (r, p) = check(name, missing);
        eprintln!("{name}\trecall {r:.3}\tprecision {p:.3}");
    }
}

#[test]
fn unseen_corpus_matches_expected_text() {
    for name in ["chromium", "fpdf2_ttf", "ocr_scan", "latex_accents_unseen"] {
        let (r, p) = check(name, &[]);
        eprintln!("{name}\trecall {r:.3}\tprecision {p:.3}");
    }
}

#[test]
fn metadata_from_info_and_text() {
    for name in ["handmade_meta", "reportlab_plain", "fpdf2_ttf", "latex"] {
        let want = std::fs::read_to_string(dir().join(format!("expected/{name}.meta"))).unwrap();
        let d = import(name).document;
        for line in want.lines() {
            let (key, value) = line.split_once(": ").unwrap();
            let got = match key {
                "title" => Some(d.title.clone()),
                "author" => d.author.clone(),
                "published" => d.published.map(|p| p.to_string()),
                _ => unreachable!("{key}"),
            };
            assert_eq!(got.as_deref(), Some(value), "{name}: {key}");
        }
    }
}

#[test]
fn a_page_without_text_is_named_in_the_warnings_and_the_details() {
    let imp = import("reportlab_plain");
    let warned: Vec<String> = imp
        .warnings
        .iter()
        .filter(|w| matches!(w, ImportWarning::PdfPagesNotRead { .. }))
        .map(ToString::to_string)
        .collect();
    assert_eq!(warned.len(), 1, "{:?}", imp.warnings);
    assert!(warned[0].contains("Page 2: no text layer"), "{}", warned[0]);
    assert_eq!(imp.document.import_notes.len(), 1);
    // The text of pages 1 and 3 is there, in order.
    let t = &imp.document.text;
    let (a, b) = (t.find("Cobalt Ridge").unwrap(), t.find("Appendix").unwrap());
    assert!(a < b);
}

#[test]
fn form_values_and_notes_are_imported() {
    let t = import("reportlab_form").document.text;
    assert!(t.contains("Tamsin Okafor Capital"), "{t}");
    assert!(t.contains("USD 3,500,000"), "{t}");
    assert!(t.contains("✎ Reviewed by counsel on 12 May 2025"), "{t}");
}

#[test]
fn owner_password_only_opens() {
    let t = import("fpdf2_ttf").document.text;
    assert!(t.contains("€418 million"), "{t}");
}

#[test]
fn a_long_book_keeps_every_page_in_order() {
    let pages = 352;
    let bytes = pdf_book::book(pages);
    let imp = import_bytes(Path::new("book.pdf"), &bytes, &ImportOptions::default()).unwrap();
    let t = &imp.document.text;
    let mut at = 0;
    for p in 1..=pages {
        let head = format!("Page {p} of {pages}");
        let found = t[at..]
            .find(&head)
            .unwrap_or_else(|| panic!("{head} missing"));
        at += found;
        let line = pdf_book::line(p, pdf_book::LINES - 1);
        assert!(t[at..].contains(&line), "{head}: last line missing: {line}");
    }
    assert!(imp.document.import_notes.is_empty());
}

/// A minimal PDF whose pages have the given content streams (`None`: a stream that is not
/// valid Flate data).
fn pdf_with_pages(contents: &[Option<&str>]) -> Vec<u8> {
    let mut objs: Vec<Vec<u8>> = Vec::new();
    let n = contents.len();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objs.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objs.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    objs.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    for (i, c) in contents.iter().enumerate() {
        objs.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        let stream = match c {
            Some(text) => {
                let s = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
                format!("<< /Length {} >>\nstream\n{s}\nendstream", s.len()).into_bytes()
            }
            None => {
                let junk = b"\x78\x9c\xff\xfe not flate at all";
                let mut v = format!(
                    "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                    junk.len()
                )
                .into_bytes();
                v.extend_from_slice(junk);
                v.extend_from_slice(b"\nendstream");
                v
            }
        };
        objs.push(stream);
    }
    assemble(&objs)
}

#[test]
fn a_broken_page_does_not_sink_the_others() {
    let bytes = pdf_with_pages(&[Some("First page words."), None, Some("Third page words.")]);
    let imp = import_bytes(Path::new("broken.pdf"), &bytes, &ImportOptions::default()).unwrap();
    let t = &imp.document.text;
    assert!(
        t.contains("First page words.") && t.contains("Third page words."),
        "{t}"
    );
    assert_eq!(
        imp.document.import_notes.len(),
        1,
        "{:?}",
        imp.document.import_notes
    );
    assert!(imp.document.import_notes[0].starts_with("Page 2: "));
}

#[test]
fn a_compression_bomb_is_refused_with_a_clear_message() {
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;
    let mut e = ZlibEncoder::new(Vec::new(), Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..80 {
        e.write_all(&chunk).unwrap();
    }
    let z = e.finish().unwrap();
    assert!(z.len() < 200_000, "{}", z.len());
    let mut bytes = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".to_vec();
    bytes.extend_from_slice(
        format!(
            "5 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
            z.len()
        )
        .as_bytes(),
    );
    bytes.extend_from_slice(&z);
    bytes.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
    let e = import_bytes(Path::new("bomb.pdf"), &bytes, &ImportOptions::default()).unwrap_err();
    assert!(matches!(e, ImportError::PdfCorrupt { .. }), "{e}");
    assert!(e.to_string().contains("compression bomb"), "{e}");
}

/// The corpus files by producer, for the comparison with `pdftotext`.
const PRODUCERS: &[(&str, &[&str])] = &[
    (
        "pdfTeX (LaTeX, ligatures, hyphenation, overlaid accents)",
        &[
            "latex",
            "latex_accents",
            "latex_capitals",
            "latex_accents_unseen",
        ],
    ),
    ("LibreOffice Writer", &["libreoffice"]),
    ("Chromium print to PDF", &["chromium"]),
    (
        "reportlab (Python: standard fonts, form, CJK)",
        &["reportlab_plain", "reportlab_form", "reportlab_cjk"],
    ),
    (
        "fpdf2 (Python: TrueType subset, owner password)",
        &["fpdf2_ttf"],
    ),
    ("Tesseract (scan plus OCR layer)", &["ocr_scan"]),
    ("hand-written (Info by reference)", &["handmade_meta"]),
];

/// Our text without the lines the import adds for form values and notes (`▤ …`, `✎ …`), which
/// `pdftotext` does not read; `form_values_and_notes_are_imported` checks those.
fn page_text_only(t: &str) -> String {
    t.lines()
        .filter(|l| !l.starts_with('▤') && !l.starts_with('✎'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Word recall and precision against poppler's `pdftotext` (22.12, `-enc UTF-8`, its default
/// layout), whose output for each corpus file is kept in `tests/fixtures/pdf/pdftotext/` (made
/// with `pdftotext -enc UTF-8 NAME.pdf`, so the test needs no poppler), per producer: both ≥ 0.97,
/// every number `pdftotext` reads present and none that it does not (no digit changed), every
/// page with text in `pdftotext` found in ours (no page missing), no ligature left.
#[test]
fn matches_pdftotext_per_producer() {
    let mut table = String::from("producer\tfiles\twords\trecall\tprecision\n");
    for (producer, files) in PRODUCERS {
        let (mut both, mut want_n, mut got_n) = (0usize, 0usize, 0usize);
        for name in *files {
            let reference = std::fs::read_to_string(dir().join(format!("pdftotext/{name}.txt")))
                .expect("pdftotext output");
            let imp = import(name);
            let got = page_text_only(&imp.document.text);
            let (w, g) = (words(&reference), words(&got));
            both += overlap(&w, &g);
            want_n += w.values().sum::<usize>();
            got_n += g.values().sum::<usize>();
            let (nw, ng) = (numbers(&reference), numbers(&got));
            assert_eq!(ng, nw, "{name}: numbers differ from pdftotext's\n{got}");
            for (i, page) in reference.split('\u{C}').enumerate() {
                let pw = words(page);
                let total: usize = pw.values().sum();
                if total > 0 {
                    let found = overlap(&pw, &g) as f64 / total as f64;
                    assert!(
                        found >= 0.9,
                        "{name}: page {} missing ({found:.2} of its words)",
                        i + 1
                    );
                }
            }
            assert!(
                !got.contains(['\u{FB00}', '\u{FB01}', '\u{FB02}', '\u{FB03}', '\u{FB04}']),
                "{name}: ligature left"
            );
        }
        let recall = both as f64 / want_n.max(1) as f64;
        let precision = both as f64 / got_n.max(1) as f64;
        table.push_str(&format!(
            "{producer}\t{}\t{want_n}\t{recall:.3}\t{precision:.3}\n",
            files.len()
        ));
        assert!(
            recall >= 0.97 && precision >= 0.97,
            "{producer}: recall {recall:.3} precision {precision:.3}\n{table}"
        );
    }
    eprintln!("{table}");
}

/// A one-page PDF from the given objects (object 1 the catalog, 2 the pages, 3 the page, 4 its
/// content stream, 5 onwards the caller's: `font` is object 5, named /F1 on the page).
fn pdf_with_font(content: &[u8], objects: &[&str]) -> Vec<u8> {
    let mut objs: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
    ];
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    objs.push(stream);
    objs.extend(objects.iter().map(|o| o.as_bytes().to_vec()));
    assemble(&objs)
}

/// A page in a non-embedded CID font (no ToUnicode: the characters come from the predefined
/// CMap alone) showing the hex string `hex`.
fn cid_font_pdf(cmap: &str, font: &str, ordering: &str, hex: &str) -> Vec<u8> {
    let content = format!("BT /F1 14 Tf 72 720 Td <{hex}> Tj ET");
    pdf_with_font(
        content.as_bytes(),
        &[
            &format!(
                "<< /Type /Font /Subtype /Type0 /BaseFont /{font}-{cmap} /Encoding /{cmap} /DescendantFonts [6 0 R] >>"
            ),
            &format!(
                "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /{font} /CIDSystemInfo << /Registry (Adobe) /Ordering ({ordering}) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>"
            ),
            &format!(
                "<< /Type /FontDescriptor /FontName /{font} /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 709 /StemV 69 >>"
            ),
        ],
    )
}

#[test]
fn predefined_cjk_cmaps_are_read() {
    // Expected text first: 契約 2025 in Shift-JIS, 协议 2025 in GBK, 半導体 2025 in UTF-16BE.
    for (cmap, font, ordering, hex, want) in [
        (
            "90ms-RKSJ-H",
            "HeiseiMin-W3",
            "Japan1",
            "8c5f96f12032303235",
            "契約 2025",
        ),
        (
            "GBK-EUC-H",
            "STSong-Light",
            "GB1",
            "d0add2e92032303235",
            "协议 2025",
        ),
        (
            "UniJIS-UTF16-H",
            "KozMinPro-Regular",
            "Japan1",
            "534a5c0e4f5300200032003000320035",
            "半導体 2025",
        ),
    ] {
        let bytes = cid_font_pdf(cmap, font, ordering, hex);
        let imp = import_bytes(Path::new("cjk.pdf"), &bytes, &ImportOptions::default())
            .unwrap_or_else(|e| panic!("{cmap}: {e}"));
        let got: String = imp.document.text.split_whitespace().collect();
        let want: String = want.split_whitespace().collect();
        assert_eq!(got, want, "{cmap}: {}", imp.document.text);
    }
}

#[test]
fn glyphs_without_a_known_character_never_become_digits_or_control_characters() {
    // A simple font whose codes map to glyph names that say nothing (/g17 …), no ToUnicode and
    // no embedded program (pdftotext prints control characters for them). They must not come
    // out as letters, digits or control characters that look like text.
    // Known gap (pdf_oxide 0.3.78): the reader drops such glyphs at control codes instead of
    // giving U+FFFD, so they are not counted; at printable codes it keeps the base encoding's
    // character.
    let content = b"BT /F1 12 Tf 72 720 Td (Revenue ) Tj (\x01\x02\x03) Tj ET";
    let bytes = pdf_with_font(
        content,
        &[
            "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Custom /FirstChar 1 /LastChar 3 /Widths [500 500 500] /Encoding << /Type /Encoding /Differences [1 /g17 /g18 /g19] >> >>",
        ],
    );
    let imp = import_bytes(Path::new("glyphs.pdf"), &bytes, &ImportOptions::default()).unwrap();
    let t = &imp.document.text;
    assert!(t.contains("Revenue"), "{t}");
    assert!(
        !t.chars().any(|c| c.is_ascii_digit()),
        "digits invented: {t}"
    );
    assert!(
        !t.chars().any(|c| c.is_control() && c != '\n'),
        "control characters: {t:?}"
    );
}

#[test]
fn private_use_characters_become_replacement_marks_and_a_warning() {
    // A ToUnicode map that sends three codes into the private-use area (what subset fonts
    // without real characters often do): each becomes U+FFFD, and the import warns naming the
    // page, in the warnings and in the document's notes.
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Priv def 1 begincodespacerange <00> <FF> endcodespacerange 5 beginbfchar <01> <E001> <02> <E002> <03> <E003> <41> <0041> <42> <0042> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
    let content = b"BT /F1 12 Tf 72 720 Td (AB \x01\x02\x03) Tj ET";
    let bytes = pdf_with_font(
        content,
        &[
            "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Custom /FirstChar 1 /LastChar 66 /ToUnicode 6 0 R >>",
            &format!("<< /Length {} >>\nstream\n{cmap}\nendstream", cmap.len()),
        ],
    );
    let imp = import_bytes(Path::new("private.pdf"), &bytes, &ImportOptions::default()).unwrap();
    let t = &imp.document.text;
    assert!(t.contains("AB"), "{t}");
    assert_unknown_glyphs_on_page_one(&imp, 3);
}

/// `count` replacement marks in the text, the same count in the import warning, and page 1
/// named in the document's import notes.
fn assert_unknown_glyphs_on_page_one(imp: &claimbench::io::import::Imported, count: usize) {
    let t = &imp.document.text;
    assert_eq!(t.matches('\u{FFFD}').count(), count, "{t:?}");
    assert!(
        imp.warnings.iter().any(
            |w| matches!(w, ImportWarning::PdfUnknownGlyphs { count: c, pages } if *c == count && pages == &[1])
        ),
        "{:?}",
        imp.warnings
    );
    assert!(
        imp.document
            .import_notes
            .iter()
            .any(|n| n.contains("page(s) 1")),
        "{:?}",
        imp.document.import_notes
    );
}

/// A PDF file from its numbered objects (object 1 the catalog), with the cross-reference table
/// and trailer pointing at them.
fn assemble(objs: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn a_composite_font_without_any_map_gives_replacement_marks_not_digits() {
    // Expected first: a Type0 font with Identity-H codes, no ToUnicode, the Identity character
    // collection and no embedded program: nothing says what its glyphs are. Codes 0x31 0x32
    // 0x2E 0x31 would read "12.1" if glyph numbers were taken for characters; each must be
    // U+FFFD, counted, and the page named.
    let content = b"BT /F1 12 Tf 72 720 Td <003100320020002E0031> Tj ET";
    let bytes = pdf_with_font(
        content,
        &[
            "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Custom /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Custom /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>",
            "<< /Type /FontDescriptor /FontName /ABCDEF+Custom /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
        ],
    );
    let imp = import_bytes(Path::new("identity.pdf"), &bytes, &ImportOptions::default()).unwrap();
    let t = &imp.document.text;
    assert!(
        !t.chars().any(|c| c.is_ascii_digit()),
        "digits invented: {t}"
    );
    assert_unknown_glyphs_on_page_one(&imp, 4);
}

#[test]
fn normalised_spans_keep_their_original() {
    // Expected first: a ToUnicode map that gives the fi ligature as U+FB01 (as many producers
    // do) and a word hyphenated at a line end; the text reads "the first offer" and "process",
    // the original keeps "\u{FB01}". (The reader joins the hyphenated word itself, so no
    // original is kept for it; `normalise`'s unit tests cover the joins it leaves to us.)
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lig def 1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <FB01> <02> <00AD> endbfchar 1 beginbfrange <20> <7E> <0020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
    let content = b"BT /F1 12 Tf 72 720 Td (the \x01rst offer pro-) Tj 0 -14 Td (cess ended) Tj ET";
    let bytes = pdf_with_font(
        content,
        &[
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            &format!("<< /Length {} >>\nstream\n{cmap}\nendstream", cmap.len()),
        ],
    );
    let d = import_bytes(Path::new("lig.pdf"), &bytes, &ImportOptions::default())
        .unwrap()
        .document;
    assert!(d.text.contains("the first offer"), "{:?}", d.text);
    assert!(d.text.contains("process ended"), "{:?}", d.text);
    let o = &d.import_marks.originals;
    let shown: Vec<(&str, &str)> = o
        .iter()
        .map(|s| (&d.text[s.range.start..s.range.end], s.original.as_str()))
        .collect();
    assert!(shown.contains(&("fi", "\u{FB01}")), "{shown:?}");
    let original = d.original_text();
    assert!(original.contains("the \u{FB01}rst offer"), "{original:?}");
    // The corpus's other producers' ligatures are expanded by the reader itself; a LaTeX file
    // imports with no ligature left either way.
    assert!(!import("latex").document.text.contains('\u{FB01}'));
}

#[test]
fn form_values_and_notes_are_marked_regions() {
    use claimbench::model::RegionKind;
    let d = import("reportlab_form").document;
    let at = |r: &claimbench::model::MarkedRegion| &d.text[r.range.start..r.range.end];
    let regions = &d.import_marks.regions;
    let field = regions
        .iter()
        .find(|r| at(r) == "Tamsin Okafor Capital")
        .unwrap_or_else(|| panic!("{regions:?}"));
    assert_eq!(field.kind, RegionKind::FormField);
    assert!(!field.label.is_empty());
    assert!(
        regions
            .iter()
            .any(|r| r.kind == RegionKind::FormField && at(r) == "USD 3,500,000")
    );
    let note = regions
        .iter()
        .find(|r| r.kind == RegionKind::Note)
        .unwrap_or_else(|| panic!("{regions:?}"));
    assert_eq!(at(note), "Reviewed by counsel on 12 May 2025");
    // A file without forms marks nothing.
    assert!(import("latex").document.import_marks.regions.is_empty());
}

/// A page that draws `words` glyph by glyph, each at its own text matrix, with a gap of a
/// quarter em between words and no space character (as Quartz and some report generators
/// do). The font is 12 pt with every glyph 500 units wide (6 pt).
fn glyph_by_glyph_pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf\n");
    for (l, line) in lines.iter().enumerate() {
        let y = 720 - 16 * l;
        let mut x = 72.0;
        for word in line.split(' ') {
            for c in word.chars() {
                content.push_str(&format!("1 0 0 1 {x:.2} {y} Tm ({c}) Tj\n"));
                x += 6.0;
            }
            x += 3.0;
        }
    }
    content.push_str("ET");
    let widths = vec!["500"; 95].join(" ");
    pdf_with_font(
        content.as_bytes(),
        &[&format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [{widths}] >>"
        )],
    )
}

#[test]
fn glyph_by_glyph_text_gets_its_spaces_from_the_gaps() {
    // Expected text first.
    let lines = [
        "Orion Compute agreed to buy 4.5 billion dollars of accelerators",
        "from Vega Chips in March 2025, paid over three years.",
    ];
    let bytes = glyph_by_glyph_pdf(&lines);
    let t = import_bytes(Path::new("quartz.pdf"), &bytes, &ImportOptions::default())
        .unwrap()
        .document
        .text;
    let want = lines.join("\n") + "\n";
    let (recall, precision) = score(&want, &t);
    assert!(
        recall >= 0.97 && precision >= 0.97,
        "{recall:.3} {precision:.3}: {t:?}"
    );
    assert_eq!(numbers(&t), numbers(&want), "{t}");
}
