//! One component's balance as reported: each stream's value and status, the findings in
//! words, and the totals per unit and for the site.

use super::observe::Edge;
use super::reconcile::Values;
use super::reduce::Entries;
use super::{
    CLOSURE_TOLERANCE_PERCENT, ComponentBalance, GROSS_ERROR_Z, Kind, NodeBalance, SiteBalance,
    StreamValue, ValueStatus, amount,
};
use crate::flowsheet::model::{Flowsheet, NodeKind};

impl Flowsheet {
    /// The balance of `component` from its solved `values`, with the `findings` so far.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn report(
        &self,
        component: &str,
        edges: &[Edge],
        units: &[usize],
        labels: &[String],
        values: Values,
        columns: &[Entries],
        mut findings: Vec<String>,
    ) -> ComponentBalance {
        let env = units.len();
        let nv = env + 1;
        let Values {
            value,
            sd: sd_out,
            z: z_out,
            reconciliation,
        } = values;

        // Report.
        let streams: Vec<StreamValue> = edges
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let (status, given) = match e.kind {
                    Kind::Unknown if value[i].is_some() => (ValueStatus::Solved, None),
                    Kind::Unknown => (ValueStatus::Undetermined, None),
                    Kind::Fixed(x) => (ValueStatus::Estimated, Some(x)),
                    Kind::Measured { x, .. } => {
                        let reconciled = !columns[i].as_slice().is_empty();
                        (
                            if reconciled {
                                ValueStatus::Reconciled
                            } else {
                                ValueStatus::Measured
                            },
                            Some(x),
                        )
                    }
                };
                let z = z_out[i];
                // A unit's accumulation (an edge after the streams) leaves and enters the unit.
                let (from, to) = match self.streams.get(e.stream) {
                    Some(s) => (s.from.clone(), s.to.clone()),
                    None => {
                        let unit = units
                            .get(e.from)
                            .and_then(|&n| self.nodes.get(n))
                            .map_or_else(String::new, |n| n.id.clone());
                        (unit.clone(), unit)
                    }
                };
                StreamValue {
                    stream: labels[e.stream].clone(),
                    from,
                    to,
                    status,
                    given,
                    value: value[i],
                    uncertainty: sd_out[i],
                    z,
                    suspect: z.is_some_and(|z| z.abs() > GROSS_ERROR_Z),
                }
            })
            .collect();
        for s in &streams {
            match s.status {
                ValueStatus::Undetermined => findings.push(format!(
                    "stream {} is not determined: it lies on a loop of unknown streams; measure or estimate one stream of the loop",
                    s.stream
                )),
                ValueStatus::Reconciled if s.value.is_some_and(|v| v < 0.0) => findings.push(format!(
                    "stream {} reconciles to a negative flow ({}): a measurement or the flowsheet is wrong",
                    s.stream,
                    amount(s.value.unwrap_or(0.0))
                )),
                ValueStatus::Solved if s.value.is_some_and(|v| v < 0.0) => findings.push(format!(
                    "stream {} solves to a negative flow ({}): the data contradict its direction",
                    s.stream,
                    amount(s.value.unwrap_or(0.0))
                )),
                _ => {}
            }
            if s.suspect {
                findings.push(format!(
                    "the measurement of stream {} is suspect: its adjustment is {:.1} standard uncertainties",
                    s.stream,
                    s.z.unwrap_or(0.0)
                ));
            }
        }
        if let Some(r) = &reconciliation
            && !r.consistent
        {
            findings.push(format!(
                "the measurements contradict the balances beyond random error (chi-square {:.2} with {} degrees of freedom, p = {:.3})",
                r.chi_square, r.degrees_of_freedom, r.p_value
            ));
        }
        // Per unit: totals in and out, after solving and as given (None once a term is
        // missing), in one pass over the streams.
        let add = |acc: &mut Option<f64>, x: Option<f64>| *acc = acc.zip(x).map(|(a, b)| a + b);
        let mut touched = vec![false; nv];
        let (mut inp, mut out) = (vec![Some(0.0); nv], vec![Some(0.0); nv]);
        let (mut given_in, mut given_out) = (vec![Some(0.0); nv], vec![Some(0.0); nv]);
        let mut site = SiteBalance::default();
        let mut sources = Some(0.0);
        for (i, e) in edges.iter().enumerate() {
            let given = match e.kind {
                Kind::Unknown => None,
                Kind::Fixed(x) | Kind::Measured { x, .. } => Some(x),
            };
            touched[e.to] = true;
            touched[e.from] = true;
            add(&mut inp[e.to], value[i]);
            add(&mut given_in[e.to], given);
            add(&mut out[e.from], value[i]);
            add(&mut given_out[e.from], given);
            if e.from_kind == NodeKind::Source {
                add(&mut sources, value[i]);
            }
            if !e.to_kind.is_process() && e.to_kind != NodeKind::Source {
                let entry = site
                    .sinks
                    .entry(e.to_kind.key().to_string())
                    .or_insert(Some(0.0));
                add(entry, value[i]);
            }
        }
        let nodes = units
            .iter()
            .enumerate()
            .filter(|(v, _)| touched[*v])
            .map(|(v, &ni)| {
                let given_residual = given_in[v].zip(given_out[v]).map(|(a, b)| a - b);
                let given_closure_percent = given_in[v]
                    .zip(given_out[v])
                    .and_then(|(a, b)| (a.max(b) > 0.0).then(|| 100.0 * (a - b).abs() / a.max(b)));
                if let Some(p) = given_closure_percent
                    && p > CLOSURE_TOLERANCE_PERCENT
                {
                    findings.push(format!(
                        "unit {} does not close with the data as given: {:.1} % ({} in − out)",
                        self.nodes[ni].id,
                        p,
                        amount(given_residual.unwrap_or(0.0))
                    ));
                }
                NodeBalance {
                    node: self.nodes[ni].id.clone(),
                    inputs: inp[v],
                    outputs: out[v],
                    given_residual,
                    given_closure_percent,
                    residual: inp[v].zip(out[v]).map(|(a, b)| a - b),
                }
            })
            .collect();
        site.sources = sources;
        ComponentBalance {
            component: component.to_string(),
            streams,
            nodes,
            site,
            reconciliation,
            findings,
        }
    }
}
