//! One variant: the upright sRGB pixels resized (Lanczos3) and encoded. Each encoder writes
//! only pixels, so no metadata of the original reaches a variant.

use super::{Format, Settings, Variant};
use image::imageops::FilterType;
use image::{DynamicImage, ImageEncoder};

/// The variants of one original, each `(variant, bytes)` in `plan` order: the pixels are
/// resized once per width and the formats of that width encoded from it, widths and formats in
/// parallel (a single new photograph uses every core, not one).
pub fn variants(
    pixels: &DynamicImage,
    plan: &[Variant],
    s: &Settings,
) -> Vec<(Variant, Result<Vec<u8>, String>)> {
    use rayon::prelude::*;
    let mut sizes: Vec<(u32, u32)> = plan.iter().map(|v| (v.width, v.height)).collect();
    sizes.sort_unstable();
    sizes.dedup();
    let mut out: Vec<(Variant, Result<Vec<u8>, String>)> = sizes
        .par_iter()
        .flat_map(|&(w, h)| {
            let img = resize(pixels, w, h);
            plan.par_iter()
                .filter(|v| v.width == w && v.height == h)
                .map(|v| (*v, encode(&img, v.format, s)))
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort_by_key(|(v, _)| plan.iter().position(|p| p == v));
    out
}

/// `pixels` at `w` × `h` (Lanczos3), or as they are at their own size.
fn resize(pixels: &DynamicImage, w: u32, h: u32) -> std::borrow::Cow<'_, DynamicImage> {
    if pixels.width() == w && pixels.height() == h {
        std::borrow::Cow::Borrowed(pixels)
    } else {
        std::borrow::Cow::Owned(pixels.resize_exact(w, h, FilterType::Lanczos3))
    }
}

/// The encoded bytes of `v` made from `pixels` (already upright and sRGB).
pub fn variant(pixels: &DynamicImage, v: &Variant, s: &Settings) -> Result<Vec<u8>, String> {
    encode(&resize(pixels, v.width, v.height), v.format, s)
}

/// `img` encoded as `format`.
fn encode(img: &DynamicImage, format: super::Format, s: &Settings) -> Result<Vec<u8>, String> {
    let (w, h) = (img.width(), img.height());
    let mut out = Vec::new();
    match (format, img) {
        (Format::Jpeg, img) => {
            let rgb = img.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, s.jpeg_quality)
                .write_image(rgb.as_raw(), w, h, image::ExtendedColorType::Rgb8)
                .map_err(|e| e.to_string())?;
        }
        (Format::Png, img) => {
            let rgba = img.to_rgba8();
            image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Best,
                image::codecs::png::FilterType::Adaptive,
            )
            .write_image(rgba.as_raw(), w, h, image::ExtendedColorType::Rgba8)
            .map_err(|e| e.to_string())?;
        }
        (Format::Webp, DynamicImage::ImageRgba8(rgba)) => {
            out = webp::Encoder::from_rgba(rgba.as_raw(), w, h)
                .encode(s.webp_quality)
                .to_vec();
        }
        (Format::Webp, img) => {
            let rgb = img.to_rgb8();
            out = webp::Encoder::from_rgb(rgb.as_raw(), w, h)
                .encode(s.webp_quality)
                .to_vec();
        }
        (Format::Avif, img) => {
            // One thread per encode: widths, formats and pictures are encoded at once (rayon).
            let encoder = image::codecs::avif::AvifEncoder::new_with_speed_quality(
                &mut out,
                s.avif_speed,
                s.avif_quality.round().clamp(1.0, 100.0) as u8,
            )
            .with_num_threads(Some(1));
            match img {
                DynamicImage::ImageRgba8(rgba) => {
                    encoder.write_image(rgba.as_raw(), w, h, image::ExtendedColorType::Rgba8)
                }
                other => {
                    let rgb = other.to_rgb8();
                    encoder.write_image(rgb.as_raw(), w, h, image::ExtendedColorType::Rgb8)
                }
            }
            .map_err(|e| e.to_string())?;
        }
    }
    if out.is_empty() {
        return Err(format!("{} encoder wrote nothing", format.extension()));
    }
    Ok(out)
}
