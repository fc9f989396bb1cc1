//! PDF import over page count: a generated book (`tests/pdf_book`) of 44, 88, 176 and 352
//! pages (1×, 2×, 4×, 8×) through `import_bytes`, the whole path (bomb check, structure, text
//! of every page, normalisation, metadata). The target: near-linear growth and the 352-page
//! book under 3 s. `CLAIMBENCH_BENCH_PDF=FILE.pdf` adds a real file of your own as `file`.
//!
//! Measured 2026-12-03 (2 shared cores, release): 44 pages 50 ms, 88 pages 105 ms, 176 pages
//! 228 ms, 352 pages 449 ms; the LuaTeX manual from TeX Live's documentation (324 pages,
//! 1.8 MB) 1.24 s, where `pdftotext` takes 0.68 s.

#[path = "../tests/pdf_book/mod.rs"]
mod pdf_book;
use claimbench::io::import::{ImportOptions, import_bytes};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn pdf(c: &mut Criterion) {
    let mut g = c.benchmark_group("pdf_import");
    g.sample_size(10);
    let opts = ImportOptions::default();
    for pages in [44, 88, 176, 352] {
        let bytes = pdf_book::book(pages);
        g.bench_with_input(BenchmarkId::new("book_pages", pages), &bytes, |b, bytes| {
            b.iter(|| {
                black_box(import_bytes(Path::new("book.pdf"), bytes, &opts).expect("imports"))
            })
        });
    }
    if let Ok(file) = std::env::var("CLAIMBENCH_BENCH_PDF") {
        let bytes = std::fs::read(&file).expect("CLAIMBENCH_BENCH_PDF names a readable file");
        g.bench_function("file", |b| {
            b.iter(|| black_box(import_bytes(Path::new(&file), &bytes, &opts).expect("imports")))
        });
    }
    g.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
