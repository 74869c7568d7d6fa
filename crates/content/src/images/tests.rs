use super::*;
use image::{ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsfront-images-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A small photo-like JPEG: a gradient with some texture, `w` × `h`.
fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| {
        Rgb([
            (x * 255 / w.max(1)) as u8,
            (y * 255 / h.max(1)) as u8,
            ((x ^ y) & 0xff) as u8,
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .expect("jpeg");
    out
}

fn png_rgba(w: u32, h: u32) -> Vec<u8> {
    let img = RgbaImage::from_fn(w, h, |x, _| {
        Rgba([200, 40, 40, if x < w / 2 { 0 } else { 255 }])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgba8)
        .expect("png");
    out
}

/// An EXIF APP1 segment: orientation `orientation`, and an ImageDescription carrying `secret`
/// (standing in for a photographer's GPS position and camera serial).
fn exif_segment(orientation: u16, secret: &str) -> Vec<u8> {
    let mut text = secret.as_bytes().to_vec();
    text.push(0);
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\0\x2a\0\0\0\x08"); // big endian, first IFD at 8
    tiff.extend_from_slice(&2u16.to_be_bytes()); // two entries
                                                 // 0x010E ImageDescription, ASCII, count, offset of the text (after this IFD).
    let text_offset = 8 + 2 + 2 * 12 + 4;
    tiff.extend_from_slice(&0x010Eu16.to_be_bytes());
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend_from_slice(&(text.len() as u32).to_be_bytes());
    tiff.extend_from_slice(&(text_offset as u32).to_be_bytes());
    // 0x0112 Orientation, SHORT, 1, value in the first two bytes.
    tiff.extend_from_slice(&0x0112u16.to_be_bytes());
    tiff.extend_from_slice(&3u16.to_be_bytes());
    tiff.extend_from_slice(&1u32.to_be_bytes());
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    tiff.extend_from_slice(&text);
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&tiff);
    let mut seg = vec![0xFF, 0xE1];
    seg.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    seg.extend_from_slice(&payload);
    seg
}

/// `jpeg` with an EXIF segment right after its start marker.
fn with_exif(jpeg: &[u8], exif: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(exif);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG whose header declares `w` × `h` pixels, with no pixel data behind it (an empty IDAT).
fn png_header_only(w: u32, h: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = b"IHDR".to_vec();
    chunk.extend_from_slice(&w.to_be_bytes());
    chunk.extend_from_slice(&h.to_be_bytes());
    chunk.extend_from_slice(&[8, 2, 0, 0, 0]);
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&crc32(&chunk).to_be_bytes());
    for name in [b"IDAT", b"IEND"] {
        out.extend_from_slice(&0u32.to_be_bytes());
        out.extend_from_slice(name);
        out.extend_from_slice(&crc32(name).to_be_bytes());
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_plan_has_every_width_in_three_formats_and_never_upscales() {
    let v = plan(3000, 2000, false);
    let widths: Vec<u32> = v
        .iter()
        .filter(|v| v.format == Format::Avif)
        .map(|v| v.width)
        .collect();
    assert_eq!(widths, layout::IMAGE_WIDTHS.to_vec());
    for f in [Format::Avif, Format::Webp, Format::Jpeg] {
        assert_eq!(v.iter().filter(|v| v.format == f).count(), 6, "{f:?}");
    }
    assert!(v.iter().all(|v| v.format != Format::Png));
    assert!(v
        .iter()
        .all(|v| v.width <= 3000 && v.height == layout::variant_height(3000, 2000, v.width)));
    // A small original: one width, its own.
    let small = plan(200, 100, false);
    assert_eq!(small.len(), 3);
    assert!(small.iter().all(|v| v.width == 200 && v.height == 100));
    // Transparency: PNG is the fallback.
    assert!(plan(800, 600, true).iter().any(|v| v.format == Format::Png));
    assert!(plan(800, 600, true)
        .iter()
        .all(|v| v.format != Format::Jpeg));
}

#[test]
fn names_change_with_the_original() {
    let s = Settings::default();
    let (a, b) = (jpeg(40, 30), jpeg(41, 30));
    assert_ne!(s.key(&a), s.key(&b));
    assert_eq!(s.key(&a), s.key(&a));
    let other = Settings {
        jpeg_quality: 70,
        ..Settings::default()
    };
    assert_ne!(s.key(&a), other.key(&a), "the settings are part of the key");
    let v = Variant {
        width: 960,
        height: 640,
        format: Format::Avif,
    };
    assert_eq!(variant_name("harbour", "00ff", &v), "harbour.00ff.960.avif");
    assert!(is_raster(Path::new("a/b.JPG")) && is_raster(Path::new("x.png")));
    assert!(!is_raster(Path::new("logo.svg")));
}

#[test]
fn variants_are_made_once_and_then_come_from_the_cache() {
    let dir = temp_dir("cache");
    let original = dir.join("photo.jpg");
    std::fs::write(&original, jpeg(800, 400)).expect("write");
    let cache = dir.join("cache");
    let s = Settings::default();
    let first = make(&original, &cache, &s).expect("first");
    // 360, 640 and the original's 800 in each format.
    assert_eq!(first.files.len(), 9);
    assert_eq!(first.encoded, 9);
    for (v, file) in &first.files {
        let bytes = std::fs::read(file).expect("variant");
        let decoded = image::load_from_memory(&bytes);
        if v.format != Format::Avif {
            // (image decodes AVIF only with the dav1d feature; its size is checked by name.)
            let d = decoded.expect("decodes");
            assert_eq!((d.width(), d.height()), (v.width, v.height), "{file:?}");
        }
        let magic: &[u8] = match v.format {
            Format::Avif => b"ftypavif",
            Format::Webp => b"WEBP",
            Format::Jpeg => b"\xFF\xD8\xFF",
            Format::Png => b"\x89PNG",
        };
        assert!(
            contains(&bytes[..16.min(bytes.len())], magic),
            "{file:?} is not {:?}",
            v.format
        );
    }
    let again = make(&original, &cache, &s).expect("again");
    assert_eq!(again.encoded, 0, "nothing is encoded twice");
    assert_eq!(again.key, first.key);
    // A changed original gets new files.
    std::fs::write(&original, jpeg(800, 401)).expect("write");
    let changed = make(&original, &cache, &s).expect("changed");
    assert_ne!(changed.key, first.key);
    assert_eq!(changed.encoded, 9);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_original_with_the_size_and_time_it_had_is_not_read_again() {
    let dir = temp_dir("seen");
    let original = dir.join("photo.jpg");
    std::fs::write(&original, jpeg(640, 400)).expect("write");
    let cache = dir.join("cache");
    let s = Settings::default();
    let first = make(&original, &cache, &s).expect("first");
    let modified = std::fs::metadata(&original)
        .and_then(|m| m.modified())
        .expect("modification time");
    let set_time = |t: std::time::SystemTime| {
        std::fs::File::options()
            .write(true)
            .open(&original)
            .and_then(|f| f.set_modified(t))
            .expect("set the modification time");
    };
    // Other bytes of the same length, with the old time back: trusted as unchanged, so the
    // original is not read (reading it would give another key).
    let mut bytes = std::fs::read(&original).expect("read");
    let inside = bytes.len() - 3;
    bytes[inside] ^= 0x55;
    std::fs::write(&original, &bytes).expect("write");
    set_time(modified);
    let trusted = make(&original, &cache, &s).expect("from what the first build saw");
    assert_eq!(
        (trusted.key.as_str(), trusted.encoded),
        (first.key.as_str(), 0)
    );
    assert_eq!(trusted.source, first.source);
    // A new time: read again, so not the first build's key (or refused as broken).
    set_time(modified + std::time::Duration::from_secs(2));
    let again = make(&original, &cache, &s).map(|m| m.key);
    assert!(
        again.as_ref().map_or(true, |key| *key != first.key),
        "{again:?}"
    );
    // Nor when the variants are gone from the cache.
    std::fs::write(&original, jpeg(640, 400)).expect("write");
    let fresh = make(&original, &cache, &s).expect("fresh");
    let _ = std::fs::remove_dir_all(cache.join(&fresh.key));
    let remade = make(&original, &cache, &s).expect("remade");
    assert_eq!(
        (remade.key.as_str(), remade.encoded),
        (fresh.key.as_str(), fresh.files.len())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn exif_orientation_is_applied_and_metadata_does_not_survive() {
    let dir = temp_dir("exif");
    let original = dir.join("turned.jpg");
    // Stored 400 × 200 with "rotate 90° clockwise to view": upright it is 200 × 400.
    let secret = "GPS 51.5007N 0.1246W serial 8841-XK";
    std::fs::write(
        &original,
        with_exif(&jpeg(400, 200), &exif_segment(6, secret)),
    )
    .expect("write");
    let source = inspect(&original).expect("inspect");
    assert_eq!((source.width, source.height), (200, 400));
    let made = make(&original, &dir.join("cache"), &Settings::default()).expect("make");
    assert!(!made.files.is_empty());
    for (v, file) in &made.files {
        assert!(v.height > v.width, "{v:?} is upright");
        let bytes = std::fs::read(file).expect("variant");
        assert!(
            !contains(&bytes, secret.as_bytes()),
            "{file:?} carries the original's metadata"
        );
        assert!(
            !contains(&bytes, b"Exif\0\0"),
            "{file:?} has an EXIF segment"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn transparency_keeps_an_alpha_channel_and_a_png_fallback() {
    let dir = temp_dir("alpha");
    let original = dir.join("chart.png");
    std::fs::write(&original, png_rgba(500, 300)).expect("write");
    let made = make(&original, &dir.join("cache"), &Settings::default()).expect("make");
    assert!(made.source.alpha);
    let (_, png) = made
        .files
        .iter()
        .find(|(v, _)| v.format == Format::Png)
        .expect("a png");
    let d = image::open(png).expect("decodes");
    assert!(d.color().has_alpha());
    assert_eq!(made.color, None, "no colour behind a transparent picture");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_photograph_gets_its_average_colour_once() {
    let dir = temp_dir("colour");
    let original = dir.join("dusk.jpg");
    let img = RgbImage::from_fn(720, 480, |x, _| {
        if x < 360 {
            Rgb([200, 100, 40])
        } else {
            Rgb([40, 60, 120])
        }
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 95)
        .write_image(img.as_raw(), 720, 480, image::ExtendedColorType::Rgb8)
        .expect("jpeg");
    std::fs::write(&original, bytes).expect("write");
    let cache = dir.join("cache");
    let made = make(&original, &cache, &Settings::default()).expect("make");
    let color = made.color.expect("a colour");
    let channel = |i: usize| u8::from_str_radix(&color[1 + 2 * i..3 + 2 * i], 16).expect("hex");
    // The mean of the two halves, within what JPEG compression moves.
    for (i, want) in [120u8, 80, 80].into_iter().enumerate() {
        assert!(channel(i).abs_diff(want) <= 4, "{color}");
    }
    // Kept beside the variants, and read from there next time.
    let kept = cache.join(&made.key).join("color");
    assert_eq!(std::fs::read_to_string(&kept).expect("kept"), color);
    std::fs::write(&kept, "#010203").expect("write");
    let again = make(&original, &cache, &Settings::default()).expect("again");
    assert_eq!(again.color.as_deref(), Some("#010203"));
    // The built content carries it.
    let mut index = Index::default();
    let files: Vec<(Variant, String)> = again
        .files
        .iter()
        .map(|(v, _)| (*v, format!("images/dusk.{}.jpg", v.width)))
        .collect();
    index.add("images/dusk.jpg", &again, &files);
    let image: newsfront_model::Image =
        serde_json::from_str(r#"{"src":"images/dusk.jpg","width":1,"height":1,"alt":""}"#)
            .expect("image");
    assert_eq!(index.apply(&image).color.as_deref(), Some("#010203"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn broken_pictures_are_reported_with_their_path_and_nothing_panics() {
    let dir = temp_dir("broken");
    let good = jpeg(300, 200);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.jpg", Vec::new(), "is empty"),
        (
            "noise.jpg",
            b"this is not a picture at all".to_vec(),
            "not a picture",
        ),
        (
            "truncated.jpg",
            good[..good.len() / 3].to_vec(),
            "truncated or corrupt",
        ),
        ("huge.png", png_header_only(60_000, 60_000), "60000 × 60000"),
        ("zero.png", png_header_only(0, 10), ""),
    ];
    for (name, bytes, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).expect("write");
        let err = match make(&path, &dir.join("cache"), &Settings::default()) {
            Ok(_) => panic!("{name} was accepted"),
            Err(e) => e,
        };
        let text = err.to_string();
        assert!(
            text.starts_with(&path.display().to_string()),
            "{name}: {text}"
        );
        assert!(text.contains(says), "{name}: {text}");
    }
    let missing = make(
        &dir.join("missing.jpg"),
        &dir.join("cache"),
        &Settings::default(),
    );
    assert!(matches!(missing, Err(Problem::Io { .. })));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn with_an_image_cdn_the_originals_are_published_without_their_metadata() {
    let dir = temp_dir("cdn");
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("images/photos")).expect("dirs");
    let secret = "GPS 48.8584N 2.2945E";
    std::fs::write(
        src.join("images/photos/turned.jpg"),
        with_exif(&jpeg(400, 200), &exif_segment(6, secret)),
    )
    .expect("write");
    std::fs::write(src.join("images/logo.svg"), "<svg/>").expect("write");
    let out = originals(&src, &dir.join("cache")).expect("originals");
    assert_eq!(out.len(), 1, "only raster pictures");
    let (rel, file) = &out[0];
    assert_eq!(rel, "images/photos/turned.jpg", "published at its own path");
    let bytes = std::fs::read(file).expect("copy");
    assert!(!contains(&bytes, secret.as_bytes()));
    let d = image::load_from_memory(&bytes).expect("decodes");
    assert_eq!((d.width(), d.height()), (200, 400), "upright, full size");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The variants of one picture are made together (each width resized once, widths and formats
/// in parallel): the same bytes as each made on its own, in the plan's order.
#[test]
fn variants_made_together_equal_each_made_alone() {
    let bytes = jpeg(700, 400);
    let pixels = image::load_from_memory(&bytes).unwrap();
    let plan = plan(700, 400, false);
    let settings = Settings {
        avif_speed: 10,
        ..Settings::default()
    };
    let together = encode::variants(&pixels, &plan, &settings);
    assert_eq!(together.iter().map(|(v, _)| *v).collect::<Vec<_>>(), plan);
    for (v, data) in together {
        assert_eq!(
            data.unwrap(),
            encode::variant(&pixels, &v, &settings).unwrap(),
            "{v:?}"
        );
    }
}
