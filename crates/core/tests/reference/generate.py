"""Reference figures for candor-core's statistics, from scipy and statsmodels.

Regenerate with:
    python3 -m venv .venv && .venv/bin/pip install -r requirements.txt
    .venv/bin/python generate.py > fixtures.json

The Rust test `reference.rs` recomputes every figure through candor-core's
public API (responses -> daily summaries -> snapshot) and checks it to 1e-9.
Cases cover small n (1, 2, 3), all-equal values and shares of 0% and 100%.
Where scipy or statsmodels return NaN (no variance at all), candor-core
defines the result itself; those cases are tested in Rust, not here.
"""

import json
import math
import random

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

Z = 1.959963984540054
rng = random.Random(20261122)


def wilson(k, n):
    low, high = proportion_confint(k, n, alpha=0.05, method="wilson")
    return float(low), float(high)


def csat_case(ratings, points=5):
    n = len(ratings)
    satisfied = sum(1 for r in ratings if r >= points - 1)
    low, high = wilson(satisfied, n)
    return {"points": points, "ratings": ratings, "mean": float(np.mean(ratings)),
            "satisfied": satisfied / n, "low": low, "high": high}


def nps_case(ratings):
    n = len(ratings)
    p = sum(1 for r in ratings if r >= 9) / n
    d = sum(1 for r in ratings if r <= 6) / n
    score = 100 * (p - d)
    se = 100 * math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    return {"ratings": ratings, "score": score,
            "low": max(score - Z * se, -100.0), "high": min(score + Z * se, 100.0)}


def gap_case(pairs):
    d = np.array([x - e for e, x in pairs], dtype=float)
    n = len(d)
    case = {"pairs": pairs, "mean_expected": float(np.mean([e for e, _ in pairs])),
            "mean_experienced": float(np.mean([x for _, x in pairs])),
            "mean_gap": float(d.mean()), "met": float(np.mean(d >= 0)), "low": None, "high": None}
    if n >= 2:
        sem = float(np.std(d, ddof=1) / math.sqrt(n))
        if sem == 0:
            case["low"] = case["high"] = float(d.mean())
        else:
            low, high = stats.t.interval(0.95, df=n - 1, loc=d.mean(), scale=sem)
            case["low"], case["high"] = float(low), float(high)
    return case


def yes_no_case(answers):
    k, n = sum(answers), len(answers)
    low, high = wilson(k, n)
    return {"answers": answers, "share": k / n, "low": low, "high": high}


def ces_case(ratings):
    n = len(ratings)
    agreeing = sum(1 for r in ratings if r >= 5)
    low, high = wilson(agreeing, n)
    return {"ratings": ratings, "mean": float(np.mean(ratings)), "agreeing": agreeing / n, "low": low, "high": high}


def randoms(low, high, n):
    return [rng.randint(low, high) for _ in range(n)]


csat = [csat_case(r) for r in ([4], [1, 5], [3, 4, 5], [5] * 12, [1] * 7, [2, 3] * 5,
                               randoms(1, 5, 40), randoms(1, 5, 500))]
csat += [csat_case(randoms(1, 7, 60), points=7), csat_case([7, 6, 1], points=7)]
nps = [nps_case(r) for r in ([10], [0, 10], [7, 8, 9], [10] * 20, [0] * 20, randoms(0, 10, 80),
                             randoms(0, 10, 1000))]
gap = [gap_case(p) for p in ([[4, 5]], [[4, 5], [6, 3]], [[1, 7], [7, 1], [4, 4]], [[3, 5]] * 10,
                             [[rng.randint(1, 7), rng.randint(1, 7)] for _ in range(50)],
                             [[rng.randint(3, 7), rng.randint(1, 7)] for _ in range(400)])]
yes_no = [yes_no_case(a) for a in ([True], [False], [True, False], [True] * 30, [False] * 30,
                                   [rng.random() < 0.7 for _ in range(333)])]
ces = [ces_case(r) for r in ([7], [1, 7], [5, 5, 5], randoms(1, 7, 90))]

t_quantiles = [{"df": df, "t": float(stats.t.ppf(0.975, df))} for df in (1, 2, 3, 4, 5, 9, 10, 29, 30, 99, 1000, 100000)]

proportions = []
for k1, n1, k2, n2 in ((1, 2, 2, 3), (0, 10, 3, 10), (10, 10, 7, 10), (45, 100, 60, 100), (400, 1000, 430, 1000), (3, 7, 3, 7)):
    _, p = proportions_ztest([k2, k1], [n2, n1])
    proportions.append({"k1": k1, "n1": n1, "k2": k2, "n2": n2, "p_value": float(p)})

welch = []
for a, b in (([1, 2], [4, 5, 6]), ([3, 4, 5], [3, 4, 5]), (randoms(1, 5, 30), randoms(2, 5, 40)),
             (randoms(1, 7, 200), randoms(1, 7, 150)), ([5, 5, 4], [1, 2, 1, 2])):
    p = stats.ttest_ind(b, a, equal_var=False).pvalue
    welch.append({"a": a, "b": b, "p_value": float(p)})



def mean_case(ratings):
    """Mean with its Student-t 95% interval (None below two; the mean itself
    when all are equal), as for a gap dimension."""
    n = len(ratings)
    case = {"mean": float(np.mean(ratings)), "low": None, "high": None}
    if n >= 2:
        sem = float(np.std(ratings, ddof=1) / math.sqrt(n))
        if sem == 0:
            case["low"] = case["high"] = float(np.mean(ratings))
        else:
            low, high = stats.t.interval(0.95, df=n - 1, loc=np.mean(ratings), scale=sem)
            case["low"], case["high"] = float(low), float(high)
    return case


def multiple_choice_case(answers, options=3):
    """Each answer lists the chosen options (0, 1, 2) and "other" (3): the
    share of respondents choosing each, with its Wilson interval."""
    n = len(answers)
    shares = []
    for option in range(options + 1):
        k = sum(1 for chosen in answers if option in chosen)
        low, high = wilson(k, n)
        shares.append({"k": k, "share": k / n, "low": low, "high": high})
    return {"answers": answers, "shares": shares}


def likert_case(ratings, points):
    n = len(ratings)
    agreeing = sum(1 for r in ratings if r > (points + 1) / 2)
    low, high = wilson(agreeing, n)
    return {"points": points, "ratings": ratings, **mean_case(ratings),
            "agreeing": agreeing / n, "agreeing_low": low, "agreeing_high": high}


def random_choices(n):
    return [sorted(rng.sample(range(4), rng.randint(1, 4))) for _ in range(n)]


multiple_choice = [multiple_choice_case(a) for a in ([[0]], [[0], [1, 3]], [[0, 1, 2, 3]] * 5,
                                                     [[3]] * 8, random_choices(45), random_choices(600))]
likert = [likert_case(r, 5) for r in ([3], [1, 5], [4, 4, 4], [5] * 9, randoms(1, 5, 70), randoms(1, 5, 800))]
likert += [likert_case(r, 7) for r in ([4, 5], [7, 6, 1, 2], randoms(1, 7, 120))]

print(json.dumps({
    "generator": f"numpy {np.__version__}, scipy {scipy.__version__}, statsmodels {statsmodels.__version__}",
    "csat": csat, "nps": nps, "gap": gap, "yes_no": yes_no, "ces": ces,
    "t_quantiles": t_quantiles, "proportions_z": proportions, "welch": welch,
    "multiple_choice": multiple_choice, "likert": likert,
}, indent=1))
