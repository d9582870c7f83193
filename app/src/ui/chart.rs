//! Bar charts drawn as SVG on the server: no script, readable by screen readers through the
//! `<title>`/`<desc>` and the table each chart sits beside.

use leptos::prelude::*;

/// Horizontal bars, one per (label, value), scaled to the largest value.
#[component]
pub fn BarChart(title: String, bars: Vec<(String, u64)>) -> impl IntoView {
    let row = 28u64;
    let (label_w, bar_w) = (220u64, 360u64);
    let height = row * bars.len().max(1) as u64 + 10;
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let desc = bars.iter().map(|(l, v)| format!("{l}: {v}")).collect::<Vec<_>>().join(", ");
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let y = i as u64 * row + 5;
            let w = (value * bar_w / max).max(1);
            view! {
                <g>
                    <text x="0" y=(y + 17).to_string()>{label}</text>
                    <rect class="bar" x=label_w.to_string() y=(y + 4).to_string() width=w.to_string() height="16"/>
                    <text x=(label_w + w + 6).to_string() y=(y + 17).to_string()>{value.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let width = label_w + bar_w + 80;
    view! {
        <svg class="chart" role="img" width=width.to_string() height=height.to_string()
             viewBox=format!("0 0 {width} {height}") xmlns="http://www.w3.org/2000/svg">
            <title>{title}</title>
            <desc>{desc}</desc>
            {rows}
        </svg>
    }
}
