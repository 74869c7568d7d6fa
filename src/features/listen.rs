//! The Listen control: reads the article aloud one utterance at a time (see
//! `newsfront_model::listen` for the script and the player state machine).

use crate::features::reading::{provide_reading, use_reading, Reading};
use crate::i18n::{t_string, use_i18n};
use crate::platform::{dom, speech, storage};
use leptos::ev;
use leptos::prelude::*;
use leptos_use::{use_event_listener, use_window};
use newsfront_model::listen::{self, Command, Player, Status, Utterance};
use newsfront_model::Article;

const RATE_KEY: &str = "newsfront.listen.rate";

/// Everything the speech callbacks need; all `Copy`, so callbacks can carry it.
#[derive(Clone, Copy)]
struct Ctx {
    player: RwSignal<Player>,
    script: StoredValue<Vec<Utterance>>,
    lang: StoredValue<String>,
    follow: RwSignal<bool>,
    /// The unit being read, which the article view and body highlight.
    reading: Reading,
    /// Bumped on every speak/cancel, so end events of cancelled utterances are ignored.
    generation: StoredValue<u64>,
    /// Set when the engine fails (no voice, blocked audio): announced instead of racing on.
    failed: RwSignal<bool>,
}

/// Listen button and, once started, the player controls. Hidden without speech synthesis.
#[component]
pub fn Listen(article: Article) -> impl IntoView {
    let i18n = use_i18n();
    // The script (the article's text cut into utterances) is made when the reader first
    // presses Listen, not while the page hydrates: on a long article that was a good part of
    // the task that hydrated this control. The page shows only how many units it has.
    let total = listen::unit_total(&article);
    let ctx = Ctx {
        player: RwSignal::new(Player::new(&[], 1.0)),
        script: StoredValue::new(Vec::new()),
        lang: StoredValue::new(article.language.clone()),
        follow: RwSignal::new(true),
        reading: use_reading().unwrap_or_else(provide_reading),
        generation: StoredValue::new(0),
        failed: RwSignal::new(false),
    };
    let player = ctx.player;
    let source = StoredValue::new(Some(article));
    // Unknown until the browser is asked (`None`: prerendered, or before the first effect):
    // the control then keeps its place without showing, so the Share button beside it does
    // not move when it appears (a layout shift, measured 0.022 on a phone).
    let supported = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        supported.set(Some(speech::is_supported()));
        if let Some(rate) = storage::get(RATE_KEY).and_then(|r| r.parse::<f32>().ok()) {
            player.update(|p| p.rate = listen::clamp_rate(rate));
        }
    });
    let act = move |f: fn(&mut Player) -> Command| {
        if let Some(cmd) = player.try_update(f) {
            exec(ctx, cmd);
        }
    };
    on_cleanup(speech::cancel);
    // After the view marked the unit being read: bring it into view while following.
    Effect::new(move |_| {
        if ctx.reading.current().is_some() && ctx.follow.get_untracked() {
            request_animation_frame(dom::scroll_to_reading);
        }
    });
    let _ = use_event_listener(use_window(), ev::pagehide, move |_| act(Player::stop));
    // A reader who scrolls while listening is looking elsewhere: stop following.
    let _ = use_event_listener(use_window(), ev::wheel, move |_| ctx.follow.set(false));
    let _ = use_event_listener(use_window(), ev::touchmove, move |_| ctx.follow.set(false));

    let status = Memo::new(move |_| player.with(|p| p.status));
    let announce = move || match status.get() {
        Status::Idle if ctx.failed.get() => t_string!(i18n, article.listen_failed).to_string(),
        Status::Idle => String::new(),
        Status::Playing => t_string!(
            i18n,
            article.listen_playing,
            current = player.with(|p| p.unit() + 1),
            total = total
        )
        .to_string(),
        Status::Paused => t_string!(i18n, article.listen_paused).to_string(),
    };
    let main_label = move || match status.get() {
        Status::Idle => t_string!(i18n, article.listen),
        Status::Playing => t_string!(i18n, article.pause),
        Status::Paused => t_string!(i18n, article.resume),
    };
    // The device lists voices and none speaks the article's language: say so, read nothing.
    let no_voice = RwSignal::new(false);
    let on_main = move |_| match status.get_untracked() {
        Status::Playing => act(Player::pause),
        _ => {
            let missing = ctx.lang.with_value(|l| speech::has_voice(l)) == Some(false);
            no_voice.set(missing);
            if missing {
                return;
            }
            if let Some(article) = source.try_update_value(Option::take).flatten() {
                let script = listen::script(&article);
                player.update(|p| p.load(&script));
                ctx.script.set_value(script);
            }
            ctx.follow.set(true);
            ctx.failed.set(false);
            act(Player::play)
        }
    };
    let on_rate = move |ev: ev::Event| {
        if let Ok(rate) = event_target_value(&ev).parse::<f32>() {
            storage::set(RATE_KEY, &rate.to_string());
            if let Some(cmd) = player.try_update(|p| p.set_rate(rate)) {
                exec(ctx, cmd);
            }
        }
    };
    let rate_options = listen::RATES
        .iter()
        .map(|r| {
            let value = r.to_string();
            view! { <option value=value.clone() selected=move || player.with(|p| (p.rate - r).abs() < 0.01)>{format!("{r}×")}</option> }
        })
        .collect_view();

    view! {
        <div class="listen" class:listen--pending=move || supported.get().is_none() hidden=move || supported.get() == Some(false)>
            <button class="listen__main button" type="button" aria-pressed=move || (status.get() == Status::Playing).to_string() on:click=on_main>
                <span class="listen__icon" aria-hidden="true">{move || if status.get() == Status::Playing { "❚❚" } else { "▶" }}</span>
                {main_label}
            </button>
            <div class="listen__controls" hidden=move || status.get() == Status::Idle>
                <button class="listen__button" type="button" aria-label=move || t_string!(i18n, article.previous_paragraph) on:click=move |_| act(Player::skip_back)>"⏮"</button>
                <button class="listen__button" type="button" aria-label=move || t_string!(i18n, article.next_paragraph) on:click=move |_| act(Player::skip_forward)>"⏭"</button>
                <button class="listen__button" type="button" aria-label=move || t_string!(i18n, article.stop_listening) on:click=move |_| act(Player::stop)>"■"</button>
                <label class="listen__rate">
                    <span class="visually-hidden">{move || t_string!(i18n, article.speed)}</span>
                    <select on:change=on_rate>{rate_options}</select>
                </label>
                <span class="listen__progress-text">
                    {move || crate::text::digits(&t_string!(i18n, article.progress, current = player.with(|p| p.unit() + 1), total = total).to_string())}
                </span>
                <progress class="listen__progress" max="1" value=move || player.with(|p| p.progress()) aria-label=move || t_string!(i18n, article.listening_progress)></progress>
            </div>
            <p class="visually-hidden" role="status" aria-live="polite">{announce}</p>
            <p class="listen__no-voice" role="alert" hidden=move || !no_voice.get()>{move || t_string!(i18n, article.listen_no_voice)}</p>
        </div>
    }
}

fn exec(ctx: Ctx, cmd: Command) {
    match cmd {
        Command::Nothing => {}
        Command::Cancel => {
            ctx.generation.update_value(|g| *g += 1);
            speech::cancel();
            if ctx.player.with_untracked(|p| p.status) == Status::Idle {
                ctx.reading.set(None);
            }
        }
        Command::Speak(n) => {
            let Some(utterance) = ctx.script.with_value(|s| s.get(n).cloned()) else {
                return;
            };
            ctx.generation.update_value(|g| *g += 1);
            let generation = ctx.generation.get_value();
            speech::cancel();
            let rate = ctx.player.with_untracked(|p| p.rate);
            let lang = ctx.lang.get_value();
            ctx.reading.set(Some(utterance.unit));
            speech::speak(&utterance.text, &lang, rate, move |finished| {
                if ctx.generation.try_get_value() != Some(generation) {
                    return;
                }
                if !finished {
                    ctx.failed.set(true);
                    if let Some(cmd) = ctx.player.try_update(Player::stop) {
                        exec(ctx, cmd);
                    }
                    return;
                }
                if let Some(next) = ctx.player.try_update(|p| p.ended(n)) {
                    if next == Command::Nothing
                        && ctx.player.with_untracked(|p| p.status) == Status::Idle
                    {
                        ctx.reading.set(None);
                    }
                    exec(ctx, next);
                }
            });
        }
    }
}
