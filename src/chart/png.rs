//! PNG export: rasterises the chart's SVG with resvg, using only the font embedded in the binary
//! (DejaVu Sans, `assets/fonts/`), never system fonts, so a PNG looks the same on every machine.

use resvg::{tiny_skia, usvg};
use std::sync::Arc;

/// The embedded font (DejaVu Sans; Bitstream Vera licence, see `assets/fonts/`).
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The family name of [`FONT`].
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Why a chart could not be rasterised.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The SVG did not parse (a bug in the renderer).
    #[error("cannot read the chart SVG: {0}")]
    Svg(String),
    /// The requested size cannot be allocated.
    #[error("cannot allocate a {0}×{1} image")]
    Size(u32, u32),
    /// PNG encoding failed.
    #[error("cannot encode PNG: {0}")]
    Encode(String),
}

/// usvg options whose font database holds only the embedded font, which also serves every
/// generic family.
pub fn options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(FONT.to_vec());
    db.set_sans_serif_family(FONT_FAMILY);
    db.set_serif_family(FONT_FAMILY);
    db.set_monospace_family(FONT_FAMILY);
    usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    }
}

/// Rasterises SVG text to PNG bytes at the SVG's own size.
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, PngError> {
    let tree = usvg::Tree::from_str(svg, &options()).map_err(|e| PngError::Svg(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or(PngError::Size(size.width(), size.height()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| PngError::Encode(e.to_string()))
}
