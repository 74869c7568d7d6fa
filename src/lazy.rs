//! Code loaded on first use. In the release build (`--cfg nf_split`, see docs/architecture.md
//! "Build size") each entry point declared with [`entry_point!`] is a wasm-split split point:
//! it, and the code only it reaches, goes into a wasm chunk of its own, fetched the first time
//! it is called (routes.rs: one per kind of page; features::pwa: the PWA layer, after idle).
//! Elsewhere (`trunk serve`, tests, the native prerender) entry points are plain async
//! functions, so every build renders the same views and hydration markers.

/// Declares an entry point and the function that fetches its chunk ahead of calling it (for a
/// route, the router calls it before it renders or hydrates the route). With `--cfg nf_split`
/// both come from wasm-split's macro, as leptos's own `#[lazy]` does it, but `fallible`: a chunk
/// that cannot be fetched (offline and never cached, or gone after a deployment) is an error
/// the page shows, not a panic that would stop the app. Without it they are plain async functions.
macro_rules! entry_point {
    ($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) preload $preload:ident $body:block) => {
        $(#[$doc])*
        #[cfg(nf_split)]
        #[leptos::wasm_split::wasm_split(
            $name,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(#[doc(hidden)] $preload)
        )]
        pub fn $name($($arg: $ty),*) -> Result<::leptos::prelude::AnyView, ::leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(nf_split))]
        pub async fn $name($($arg: $ty),*) -> Result<::leptos::prelude::AnyView, ::leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(nf_split))]
        #[doc(hidden)]
        pub async fn $preload() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
            // The prerendered page names the entry point its route preloaded (its snapshot).
            #[cfg(feature = "ssr")]
            crate::prerender::record_entry(stringify!($name));
            Ok(())
        }
    };
}

pub(crate) use entry_point;
