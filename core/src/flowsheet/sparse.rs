//! Sparse symmetric positive definite systems: LDLᵀ factorization by elimination on the graph
//! of the matrix, vertices taken in order of least degree (greedy minimum degree), so that the
//! tree-like graphs of flowsheets factor with little fill in near-linear time; and the entries
//! of the inverse on the pattern of the factors (selected inversion), from which the variance
//! of every reconciled measurement is read in constant time.

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
    /// For each vertex, the multipliers of the vertices eliminated after it, sorted by vertex.
    l: Vec<Vec<(usize, f64)>>,
}

/// The entries of M⁻¹ on the pattern of L + Lᵀ and its diagonal (selected inversion).
pub(crate) struct SelectedInverse<'a> {
    factor: &'a Factor,
    /// (M⁻¹)ᵥᵥ.
    diag: Vec<f64>,
    /// (M⁻¹)ᵢᵥ for each i of `factor.l[v]`, in the same order.
    off: Vec<Vec<f64>>,
}

impl SelectedInverse<'_> {
    /// (M⁻¹)ᵢⱼ, when (i, j) is on the diagonal or on the pattern of the factors.
    fn entry(&self, i: usize, j: usize) -> Option<f64> {
        if i == j {
            return self.diag.get(i).copied();
        }
        let pos = &self.factor.pos;
        // The vertex eliminated first holds the pair in its column of L.
        let (first, other) = if pos.get(i)? < pos.get(j)? {
            (i, j)
        } else {
            (j, i)
        };
        let column = self.factor.l.get(first)?;
        let k = column.binary_search_by_key(&other, |&(v, _)| v).ok()?;
        self.off.get(first)?.get(k).copied()
    }

    /// qᵀ·M⁻¹·q for a sparse q given as (index, value) pairs whose every pair of indices is on
    /// the pattern of the matrix (as a column of the reduced balances: a stream joins the
    /// balances it enters, which the matrix therefore links); `None` otherwise.
    pub(crate) fn quadratic(&self, q: &[(usize, f64)]) -> Option<f64> {
        let mut total = 0.0;
        for &(i, a) in q {
            for &(j, b) in q {
                total += a * b * self.entry(i, j)?;
            }
        }
        Some(total)
    }
}

impl Factor {
    /// The entries of M⁻¹ on the pattern of the factors, by the recurrences of Takahashi, Fagan
    /// and Chin (1973): taking the vertices in reverse elimination order, with Sᵥ the vertices
    /// of column v of L (a clique of the filled graph, all eliminated after v),
    /// Zᵢᵥ = −Σₖ∈Sᵥ Zᵢₖ·Lₖᵥ for i ∈ Sᵥ and Zᵥᵥ = 1/dᵥ − Σₖ∈Sᵥ Lₖᵥ·Zₖᵥ. The work is
    /// Σᵥ |Sᵥ|² lookups: linear in the size of tree-like flowsheets, where computing each
    /// measurement's variance by its own forward solve grows with the depth of the elimination
    /// tree (the length of a chain of units), quadratically in all.
    pub(crate) fn selected_inverse(&self) -> SelectedInverse<'_> {
        let n = self.d.len();
        let mut inverse = SelectedInverse {
            factor: self,
            diag: vec![0.0; n],
            off: vec![Vec::new(); n],
        };
        for &v in self.order.iter().rev() {
            let column = &self.l[v];
            let mut z = Vec::with_capacity(column.len());
            for &(i, _) in column {
                let mut s = 0.0;
                for &(k, m) in column {
                    // Eliminated after v, and joined to i by the fill of v: computed already.
                    s -= inverse.entry(i, k).unwrap_or(0.0) * m;
                }
                z.push(s);
            }
            let mut zvv = 1.0 / self.d[v];
            for (&(_, m), &zkv) in column.iter().zip(&z) {
                zvv -= m * zkv;
            }
            inverse.diag[v] = zvv;
            inverse.off[v] = z;
        }
        inverse
    }

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
    fn selected_inverse_matches_full_solves() {
        // A weighted Laplacian of a 4 × 4 grid with a loop of fill, grounded at two corners.
        let n = 16;
        let mut m = SymMatrix::new(n);
        let mut edges = Vec::new();
        for r in 0..4 {
            for c in 0..4 {
                let v = 4 * r + c;
                if c < 3 {
                    edges.push((v, v + 1));
                }
                if r < 3 {
                    edges.push((v, v + 4));
                }
            }
        }
        for (k, &(a, b)) in edges.iter().enumerate() {
            let w = 1.0 + k as f64 / 7.0;
            m.add(a, a, w);
            m.add(b, b, w);
            m.add(a, b, -w);
        }
        m.add(0, 0, 0.5);
        m.add(15, 15, 2.0);
        let f = m.factor().unwrap();
        let inverse = f.selected_inverse();
        let columns: Vec<Vec<f64>> = (0..n)
            .map(|j| {
                let mut e = vec![0.0; n];
                e[j] = 1.0;
                f.solve(&e)
            })
            .collect();
        let mut scratch = vec![0.0; n];
        let mut checked = 0;
        for &(a, b) in &edges {
            for (i, j) in [(a, a), (b, b), (a, b), (b, a)] {
                let z = inverse.entry(i, j).unwrap();
                assert!(
                    (z - columns[j][i]).abs() < 1e-12 * columns[j][j].abs(),
                    "{i},{j}"
                );
                checked += 1;
            }
            let q = [(a, 1.0), (b, -1.0)];
            let by_inverse = inverse.quadratic(&q).unwrap();
            let by_solve = f.quadratic(&q, &mut scratch);
            assert!((by_inverse - by_solve).abs() < 1e-12 * by_solve, "{a},{b}");
        }
        assert_eq!(checked, 4 * edges.len());
        // Vertices of the grid's opposite corners are not joined by the factors.
        assert!(inverse.quadratic(&[(3, 1.0), (12, -1.0)]).is_none());
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
