//! One variant: the upright sRGB pixels resized (Lanczos3) and encoded. Each encoder writes
//! only pixels, so no metadata of the original reaches a variant.

use super::{Format, Settings, Variant};
use image::imageops::FilterType;
use image::{DynamicImage, ImageEncoder};

/// The encoded bytes of `v` made from `pixels` (already upright and sRGB).
pub fn variant(pixels: &DynamicImage, v: &Variant, s: &Settings) -> Result<Vec<u8>, String> {
    let resized;
    let img = if pixels.width() == v.width && pixels.height() == v.height {
        pixels
    } else {
        resized = pixels.resize_exact(v.width, v.height, FilterType::Lanczos3);
        &resized
    };
    let (w, h) = (img.width(), img.height());
    let mut out = Vec::new();
    match (v.format, img) {
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
            // One thread per encode: the build encodes several pictures at once (rayon).
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
        return Err(format!("{} encoder wrote nothing", v.format.extension()));
    }
    Ok(out)
}
