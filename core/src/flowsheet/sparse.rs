//! Sparse symmetric positive definite systems: LDLᵀ factorization by elimination on the graph
//! of the matrix, vertices taken in order of least degree (greedy minimum degree), so that the
//! tree-like graphs of flowsheets factor with little fill in near-linear time.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

/// A symmetric matrix being assembled: diagonal and strictly off-diagonal entries.
pub(crate) struct SymMatrix {
    diag: Vec<f64>,
    off: Vec<BTreeMap<usize, f64>>,
}

impl SymMatrix {
    pub(crate) fn new(n: usize) -> SymMatrix {
        SymMatrix {
            diag: vec![0.0; n],
            off: vec![BTreeMap::new(); n],
        }
    }

    /// Add `v` at (i, j) and (j, i).
    pub(crate) fn add(&mut self, i: usize, j: usize, v: f64) {
        if i == j {
            self.diag[i] += v;
        } else {
            *self.off[i].entry(j).or_insert(0.0) += v;
            *self.off[j].entry(i).or_insert(0.0) += v;
        }
    }

    /// The LDLᵀ factors, or `None` when the matrix is not positive definite.
    pub(crate) fn factor(mut self) -> Option<Factor> {
        let n = self.diag.len();
        let scale = self.diag.iter().fold(0.0f64, |a, d| a.max(d.abs()));
        let mut alive = vec![true; n];
        let mut heap: BinaryHeap<Reverse<(usize, usize)>> =
            (0..n).map(|v| Reverse((self.off[v].len(), v))).collect();
        let mut order = Vec::with_capacity(n);
        let mut pos = vec![0; n];
        let mut d = vec![0.0; n];
        let mut l: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        while let Some(Reverse((degree, v))) = heap.pop() {
            if !alive[v] || degree != self.off[v].len() {
                continue; // stale entry
            }
            alive[v] = false;
            let dv = self.diag[v];
            if dv.is_nan() || dv <= 1e-13 * scale.max(f64::MIN_POSITIVE) {
                return None;
            }
            pos[v] = order.len();
            order.push(v);
            d[v] = dv;
            let neighbours: Vec<(usize, f64)> =
                std::mem::take(&mut self.off[v]).into_iter().collect();
            for &(i, a_iv) in &neighbours {
                self.off[i].remove(&v);
                self.diag[i] -= a_iv * a_iv / dv;
            }
            for (x, &(i, a_iv)) in neighbours.iter().enumerate() {
                for &(k, a_kv) in &neighbours[x + 1..] {
                    let update = a_iv * a_kv / dv;
                    *self.off[i].entry(k).or_insert(0.0) -= update;
                    *self.off[k].entry(i).or_insert(0.0) -= update;
                }
            }
            for &(i, _) in &neighbours {
                heap.push(Reverse((self.off[i].len(), i)));
            }
            l[v] = neighbours.into_iter().map(|(i, a)| (i, a / dv)).collect();
        }
        Some(Factor { order, pos, d, l })
    }
}

/// M = L·D·Lᵀ with L unit lower triangular in the elimination order.
pub(crate) struct Factor {
    order: Vec<usize>,
    pos: Vec<usize>,
    d: Vec<f64>,
    /// For each vertex, the multipliers of the vertices eliminated after it.
    l: Vec<Vec<(usize, f64)>>,
}

impl Factor {
    /// M⁻¹·b.
    pub(crate) fn solve(&self, b: &[f64]) -> Vec<f64> {
        let mut y = b.to_vec();
        for &v in &self.order {
            let yv = y[v];
            for &(i, m) in &self.l[v] {
                y[i] -= m * yv;
            }
        }
        for &v in &self.order {
            y[v] /= self.d[v];
        }
        for &v in self.order.iter().rev() {
            let mut s = y[v];
            for &(i, m) in &self.l[v] {
                s -= m * y[i];
            }
            y[v] = s;
        }
        y
    }

    /// qᵀ·M⁻¹·q for a sparse q given as (index, value) pairs: ‖D^(−1/2)·L⁻¹·q‖², visiting only
    /// the vertices the forward solve reaches. `scratch` must be all zeros and is left so.
    pub(crate) fn quadratic(&self, q: &[(usize, f64)], scratch: &mut [f64]) -> f64 {
        let mut heap: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
        for &(i, v) in q {
            if scratch[i] == 0.0 {
                heap.push(Reverse(self.pos[i]));
            }
            scratch[i] += v;
        }
        let mut total = 0.0;
        let mut last = usize::MAX;
        while let Some(Reverse(p)) = heap.pop() {
            if p == last {
                continue;
            }
            last = p;
            let v = self.order[p];
            let yv = scratch[v];
            scratch[v] = 0.0;
            if yv == 0.0 {
                continue;
            }
            total += yv * yv / self.d[v];
            for &(i, m) in &self.l[v] {
                if scratch[i] == 0.0 {
                    heap.push(Reverse(self.pos[i]));
                }
                scratch[i] -= m * yv;
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_path_laplacian_with_a_grounded_end() {
        // [[2,-1,0],[-1,2,-1],[0,-1,1]] x = [1,0,0] → x = [1,1,1]
        let mut m = SymMatrix::new(3);
        m.add(0, 0, 2.0);
        m.add(1, 1, 2.0);
        m.add(2, 2, 1.0);
        m.add(0, 1, -1.0);
        m.add(1, 2, -1.0);
        let f = m.factor().unwrap();
        let x = f.solve(&[1.0, 0.0, 0.0]);
        for v in x {
            assert!((v - 1.0).abs() < 1e-14);
        }
        // eᵀ M⁻¹ e for e = e0 − e2: x = M⁻¹(e0 − e2) ...: compare with dense solve
        let mut scratch = vec![0.0; 3];
        let q = f.quadratic(&[(0, 1.0), (2, -1.0)], &mut scratch);
        let y = f.solve(&[1.0, 0.0, -1.0]);
        assert!((q - (y[0] - y[2])).abs() < 1e-14);
        assert!(scratch.iter().all(|s| *s == 0.0));
    }

    #[test]
    fn refuses_a_singular_matrix() {
        let mut m = SymMatrix::new(2);
        m.add(0, 0, 1.0);
        m.add(1, 1, 1.0);
        m.add(0, 1, -1.0);
        assert!(m.factor().is_none());
    }
}
