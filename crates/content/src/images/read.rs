//! Reading an original: its size and kind from the header alone, then its pixels, upright and
//! in sRGB, within limits that keep a hostile or broken file from exhausting the machine.

use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use std::fmt;
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// The largest original accepted, in bytes (a camera's JPEG is 3–15 MB, a TIFF scan more).
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// The longest side accepted, in pixels (a stitched panorama is about 20,000).
pub const MAX_SIDE: u32 = 20_000;
/// The most pixels accepted (a 100-megapixel medium-format camera): decoded as RGBA, 400 MB.
pub const MAX_PIXELS: u64 = 100_000_000;

/// Why an original cannot be used, always with its path.
#[derive(Debug)]
pub enum Problem {
    Io {
        path: PathBuf,
        message: String,
    },
    Empty {
        path: PathBuf,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
    /// Not a picture in a format the pipeline reads, or a header that does not parse.
    Unreadable {
        path: PathBuf,
        message: String,
    },
    TooManyPixels {
        path: PathBuf,
        width: u32,
        height: u32,
    },
    /// The header parsed but the pixels did not: a truncated or corrupt file.
    Corrupt {
        path: PathBuf,
        message: String,
    },
    Encode {
        path: PathBuf,
        message: String,
    },
}

impl Problem {
    pub fn io(path: &Path, e: &std::io::Error) -> Problem {
        Problem::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            Problem::Io { path, .. }
            | Problem::Empty { path }
            | Problem::TooLarge { path, .. }
            | Problem::Unreadable { path, .. }
            | Problem::TooManyPixels { path, .. }
            | Problem::Corrupt { path, .. }
            | Problem::Encode { path, .. } => path,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path().display();
        match self {
            Problem::Io { message, .. } => write!(f, "{path}: cannot read the picture: {message}"),
            Problem::Empty { .. } => write!(f, "{path}: the picture file is empty"),
            Problem::TooLarge { bytes, .. } => write!(
                f,
                "{path}: the picture is {:.0} MB, above the {} MB limit",
                *bytes as f64 / 1e6,
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            Problem::Unreadable { message, .. } => {
                write!(f, "{path}: not a picture this tool reads (JPEG, PNG, WebP): {message}")
            }
            Problem::TooManyPixels { width, height, .. } => write!(
                f,
                "{path}: the picture declares {width} × {height} pixels, above the limit of {MAX_SIDE} pixels a side and {} megapixels",
                MAX_PIXELS / 1_000_000
            ),
            Problem::Corrupt { message, .. } => {
                write!(f, "{path}: the picture is truncated or corrupt: {message}")
            }
            Problem::Encode { message, .. } => {
                write!(f, "{path}: a variant could not be encoded: {message}")
            }
        }
    }
}

/// What the header says about an original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Upright: for a photo taken with the camera turned, the width after the EXIF rotation.
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
}

/// The original's bytes, refused when empty or above [`MAX_FILE_BYTES`] (checked before reading).
pub fn read_original(path: &Path) -> Result<Vec<u8>, Problem> {
    let size = std::fs::metadata(path)
        .map_err(|e| Problem::io(path, &e))?
        .len();
    if size == 0 {
        return Err(Problem::Empty {
            path: path.to_path_buf(),
        });
    }
    if size > MAX_FILE_BYTES {
        return Err(Problem::TooLarge {
            path: path.to_path_buf(),
            bytes: size,
        });
    }
    std::fs::read(path).map_err(|e| Problem::io(path, &e))
}

/// The original's upright size and whether it has transparency, from its header (the validator
/// calls this for every raster picture content names).
pub fn inspect(path: &Path) -> Result<Source, Problem> {
    let bytes = read_original(path)?;
    inspect_bytes(path, &bytes)
}

fn reader<'a>(path: &Path, bytes: &'a [u8]) -> Result<ImageReader<Cursor<&'a [u8]>>, Problem> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| Problem::io(path, &e))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    // The decoded picture plus the decoder's own buffers.
    limits.max_alloc = Some(MAX_PIXELS * 4 + 64 * 1024 * 1024);
    reader.limits(limits);
    Ok(reader)
}

fn decoder_error(path: &Path, e: image::ImageError) -> Problem {
    match e {
        image::ImageError::Limits(_) => Problem::TooManyPixels {
            path: path.to_path_buf(),
            width: 0,
            height: 0,
        },
        other => Problem::Unreadable {
            path: path.to_path_buf(),
            message: other.to_string(),
        },
    }
}

/// [`inspect`] on bytes already read.
pub fn inspect_bytes(path: &Path, bytes: &[u8]) -> Result<Source, Problem> {
    // The dimensions first, without limits, so an absurd header is reported with its numbers.
    let declared = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| Problem::io(path, &e))?
        .into_dimensions()
        .map_err(|e| decoder_error(path, e))?;
    check_pixels(path, declared)?;
    if bytes.starts_with(&[0xFF, 0xD8]) && !jpeg_is_complete(bytes) {
        // The JPEG decoder fills a cut-off picture with grey rather than fail: the end marker
        // says whether the file is whole.
        return Err(Problem::Corrupt {
            path: path.to_path_buf(),
            message: "the JPEG data ends before its end-of-image marker".to_string(),
        });
    }
    let mut decoder = reader(path, bytes)?
        .into_decoder()
        .map_err(|e| decoder_error(path, e))?;
    let (w, h) = decoder.dimensions();
    let turned = decoder.orientation().is_ok_and(|o| {
        use image::metadata::Orientation as O;
        matches!(
            o,
            O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH
        )
    });
    let (width, height) = if turned { (h, w) } else { (w, h) };
    Ok(Source {
        width,
        height,
        alpha: decoder.color_type().has_alpha(),
    })
}

/// Whether a JPEG's first scan is followed by its end-of-image marker (FF D9). The marker
/// segments before the scan are stepped over by their lengths (an EXIF thumbnail inside APP1 has
/// its own end marker); inside scan data a 0xFF byte is always followed by 0x00 or a restart
/// marker, so the first FF D9 after the scan starts is the picture's end. Data after it (a
/// phone's motion-photo video) is allowed.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return false;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        if marker == 0xDA {
            let scan = i + 2 + len;
            return bytes
                .get(scan..)
                .is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, 0xD9]));
        }
        i += 2 + len;
    }
    false
}

fn check_pixels(path: &Path, (width, height): (u32, u32)) -> Result<(), Problem> {
    if width == 0
        || height == 0
        || width > MAX_SIDE
        || height > MAX_SIDE
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(Problem::TooManyPixels {
            path: path.to_path_buf(),
            width,
            height,
        });
    }
    Ok(())
}

/// The original's pixels: upright (EXIF orientation applied), in sRGB (an embedded colour
/// profile converted), as 8-bit RGB, or RGBA when it has transparency. Metadata is not carried.
pub fn decode(path: &Path, bytes: &[u8], source: &Source) -> Result<DynamicImage, Problem> {
    let corrupt = |e: image::ImageError| Problem::Corrupt {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut decoder = reader(path, bytes)?
        .into_decoder()
        .map_err(|e| decoder_error(path, e))?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut img = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    img.apply_orientation(orientation);
    let img = if source.alpha {
        DynamicImage::ImageRgba8(img.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(img.into_rgb8())
    };
    Ok(match icc {
        Some(profile) => to_srgb(img, &profile),
        None => img,
    })
}

/// Converts pixels described by the ICC `profile` to sRGB; a profile that does not parse, or
/// is not an RGB one, leaves them as they are (treated as sRGB, as browsers do).
fn to_srgb(img: DynamicImage, profile: &[u8]) -> DynamicImage {
    use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};
    let Ok(from) = ColorProfile::new_from_slice(profile) else {
        return img;
    };
    if from.color_space != DataColorSpace::Rgb {
        return img;
    }
    let to = ColorProfile::new_srgb();
    let convert = |layout: Layout, pixels: &mut [u8]| {
        if let Ok(t) = from.create_transform_8bit(layout, &to, layout, TransformOptions::default())
        {
            let original = pixels.to_vec();
            if t.transform(&original, pixels).is_err() {
                pixels.copy_from_slice(&original);
            }
        }
    };
    match img {
        DynamicImage::ImageRgb8(mut buf) => {
            convert(Layout::Rgb, &mut buf);
            DynamicImage::ImageRgb8(buf)
        }
        DynamicImage::ImageRgba8(mut buf) => {
            convert(Layout::Rgba, &mut buf);
            DynamicImage::ImageRgba8(buf)
        }
        other => other,
    }
}
