# How the reference values in the *.test.ts files of this folder were computed: R 4.2.2
# (Debian r-base-core). Run with `Rscript references.R`; it is not part of the test run.

options(digits = 17)
p17 <- function(label, x) cat(label, ": ", paste(sprintf("%.17g", x), collapse = ", "), "\n", sep = "")
z <- qnorm(0.975); p17("qnorm(0.975)", z)
# Wilson
p17("W prop.test(12,40)", prop.test(12, 40, correct = FALSE)$conf.int)
p17("W prop.test(0,25)", prop.test(0, 25, correct = FALSE)$conf.int)
p17("W prop.test(25,25)", prop.test(25, 25, correct = FALSE)$conf.int)
p17("W prop.test(12,40,cl=.90)", prop.test(12, 40, correct = FALSE, conf.level = 0.90)$conf.int)
p17("W fpc 12/40 N=100", prop.test(12, 40, correct = FALSE, conf.level = 2 * pnorm(qnorm(0.975) * sqrt(60 / 99)) - 1)$conf.int)
p17("W fpc 130/220 N=1500", prop.test(130, 220, correct = FALSE, conf.level = 2 * pnorm(qnorm(0.975) * sqrt(1280 / 1499)) - 1)$conf.int)
for (x in list(c(81, 263), c(15, 148), c(0, 20), c(1, 29))) p17(paste("Newcombe", x[1], x[2]), prop.test(x[1], x[2], correct = FALSE)$conf.int)
# Wald
p <- 12 / 40; p17("Wald 12/40", p + c(-1, 1) * qnorm(0.975) * sqrt(p * (1 - p) / 40))
p17("Wald 12/40 N=100", p + c(-1, 1) * qnorm(0.975) * sqrt(p * (1 - p) / 40 * (100 - 40) / (100 - 1)))
p <- 130 / 220; p17("Wald 130/220 N=1500", p + c(-1, 1) * qnorm(0.975) * sqrt(p * (1 - p) / 220 * (1500 - 220) / (1500 - 1)))
# Chi-square
r <- chisq.test(matrix(c(12, 7, 5, 9), 2), correct = FALSE); p17("C 2x2 stat", r$statistic); p17("C 2x2 p", r$p.value); p17("C 2x2 expected (col-major)", r$expected)
r <- chisq.test(matrix(c(762, 484, 327, 239, 468, 477), 2), correct = FALSE); p17("C agresti stat", r$statistic); p17("C agresti df", r$parameter); p17("C agresti p", r$p.value)
r <- suppressWarnings(chisq.test(matrix(c(3, 5, 1, 2, 2, 9), 2), correct = FALSE)); p17("C low stat", r$statistic); p17("C low p", r$p.value); p17("C low share", mean(r$expected < 5))
# Fisher
p17("F tea", fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value)
p17("F convictions", fisher.test(matrix(c(2, 10, 15, 3), 2))$p.value)
p17("F large", fisher.test(matrix(c(120, 80, 95, 105), 2))$p.value)
p17("F asym", fisher.test(matrix(c(1, 11, 9, 3), 2))$p.value)
p17("F zero row", fisher.test(matrix(c(0, 3, 0, 4), 2))$p.value)
# Kruskal
g1 <- rep(1:5, c(2, 5, 8, 6, 4)); g2 <- rep(1:5, c(5, 7, 6, 3, 1)); g3 <- rep(1:5, c(1, 2, 5, 9, 8))
r <- kruskal.test(list(g1, g2, g3)); p17("K likert stat", r$statistic); p17("K likert df", r$parameter); p17("K likert p", r$p.value)
x <- c(2.9, 3.0, 2.5, 2.6, 3.2); y <- c(3.8, 2.7, 4.0, 2.4); zz <- c(2.8, 3.4, 3.7, 2.2, 2.0)
r <- kruskal.test(list(x, y, zz)); p17("K HW stat", r$statistic); p17("K HW p", r$p.value)
r <- kruskal.test(list(rep(1:2, c(3, 5)), rep(2:3, c(2, 4)))); p17("K small stat", r$statistic); p17("K small p", r$p.value)
# Spearman
tab <- matrix(c(8, 5, 2, 1, 0,
                4, 9, 6, 3, 1,
                2, 5, 11, 7, 3,
                1, 2, 6, 10, 6,
                0, 1, 2, 5, 9), 5, byrow = TRUE)
xs <- rep(row(tab), tab); ys <- rep(col(tab), tab)
r <- cor.test(xs, ys, method = "spearman", exact = FALSE); p17("S table rho", r$estimate); p17("S table p", r$p.value)
xs <- rep(c(1, 1, 2, 2, 3, 3), c(3, 1, 2, 2, 1, 3)); ys <- rep(c(1, 2, 1, 2, 1, 2), c(3, 1, 2, 2, 1, 3))
r <- cor.test(xs, ys, method = "spearman", exact = FALSE); p17("S small rho", r$estimate); p17("S small p", r$p.value)
r <- cor.test(c(1, 2, 2, 3), c(1, 2, 2, 3), method = "spearman", exact = FALSE); p17("S perfect rho", r$estimate); p17("S perfect p", r$p.value)
# Scale
x <- rep(1:5, c(3, 7, 12, 20, 8)); p17("scale mean", mean(x)); p17("scale sd", sd(x)); p17("scale top", mean(x >= 4)); p17("scale bottom", mean(x <= 2))
# Distributions
for (a in list(c(0.5, 1), c(3.84, 1), c(10.2, 3), c(25, 4), c(50, 12), c(200, 150), c(7.7, 5))) p17(paste("pchisq upper", a[1], a[2]), pchisq(a[1], a[2], lower.tail = FALSE))
for (a in list(c(2.1, 10), c(0.3, 5), c(4.5, 30), c(1.96, 500), c(0.8, 100), c(2.5, 1000), c(3, 2))) p17(paste("2*pt lower", a[1], a[2]), 2 * pt(-a[1], a[2]))
for (a in list(c(3, 8, 4, 4), c(10, 100, 30, 40), c(150, 1000, 300, 400), c(400, 3000, 1200, 900))) p17(paste("dhyper k N m n", paste(a, collapse = " ")), dhyper(a[1], a[3], a[2] - a[3], a[4]))

# ---- Monte Carlo references ----
# Exact conditional p-value of Pearson's X^2 given both margins, by complete enumeration of
# all tables with the observed margins (multiple hypergeometric probabilities).
exact_chisq_p <- function(obs) {
  rs <- rowSums(obs); cs <- colSums(obs); N <- sum(obs)
  E <- outer(rs, cs) / N
  x2 <- function(t) sum((t - E)^2 / E)
  logp <- function(t) sum(lfactorial(rs)) + sum(lfactorial(cs)) - lfactorial(N) - sum(lfactorial(t))
  thr <- x2(obs) * (1 - 64 * .Machine$double.eps)
  nr <- nrow(obs); nc <- ncol(obs)
  total <- 0; mass <- 0
  rec <- function(t, i, j, colleft, rowleft) {
    if (i == nr) { # last row is fixed by the column remainders
      t[nr, ] <- colleft
      pr <- exp(logp(t)); mass <<- mass + pr
      if (x2(t) >= thr) total <<- total + pr
      return(invisible())
    }
    if (j == nc) { # last cell of a row is fixed by the row remainder
      if (rowleft > colleft[nc]) return(invisible())
      t[i, nc] <- rowleft; cl <- colleft; cl[nc] <- cl[nc] - rowleft
      return(rec(t, i + 1, 1, cl, if (i + 1 <= nr) rs[i + 1] else 0))
    }
    for (v in 0:min(rowleft, colleft[j])) {
      t[i, j] <- v; cl <- colleft; cl[j] <- cl[j] - v
      rec(t, i, j + 1, cl, rowleft - v)
    }
  }
  rec(matrix(0, nr, nc), 1, 1, cs, rs[1])
  c(p = total, mass = mass)
}

t1 <- matrix(c(5, 1, 1, 4, 2, 6), 2)           # [[5,1,2],[1,4,6]]
p17("exact 2x3", exact_chisq_p(t1))
p17("asympt 2x3", suppressWarnings(chisq.test(t1, correct = FALSE)$p.value))
set.seed(1); p17("R sim 2x3 B=1e6", chisq.test(t1, simulate.p.value = TRUE, B = 1e6)$p.value)
t2 <- matrix(c(4, 1, 0, 0, 3, 2, 1, 0, 5), 3)  # [[4,0,1],[1,3,0],[0,2,5]]
p17("exact 3x3", exact_chisq_p(t2))
p17("asympt 3x3", suppressWarnings(chisq.test(t2, correct = FALSE)$p.value))
set.seed(1); p17("R sim 3x3 B=1e6", chisq.test(t2, simulate.p.value = TRUE, B = 1e6)$p.value)
t3 <- matrix(c(50, 55, 70, 62, 45, 58, 48, 60, 52), 3)  # [[50,62,48],[55,45,60],[70,58,52]]
r <- chisq.test(t3, correct = FALSE); p17("asympt big stat", r$statistic); p17("asympt big p", r$p.value)
set.seed(1); p17("R sim big B=1e6", chisq.test(t3, simulate.p.value = TRUE, B = 1e6)$p.value)
p17("exact tea", exact_chisq_p(matrix(c(3, 1, 1, 3), 2)))
t3 <- matrix(c(50, 55, 70, 62, 45, 58, 48, 60, 52), 3); set.seed(2); p17("R sim big B=1e7", chisq.test(t3, simulate.p.value = TRUE, B = 1e7)$p.value)
cat(sprintf("%.4f %.4f\n", qchisq(0.999, 4), qchisq(0.999, 9)))

# ---- Weights (issue 16, part "Weights": src/analysis/stats/raking.test.ts) ----
# R 4.2.2, survey 4.1.1 (Debian r-cran-survey). Six cells, size (A, B, C) x central (1, 2): the
# population N = 60 units, n = 30 respondents; per cell the respondents who answered the question
# and those who chose the option. The design is a census with nonresponse, respondents treated as
# a simple random sample of the N: svydesign(ids = ~1, fpc = ~N), weights N/n before raking.
suppressMessages(library(survey))
cells <- data.frame(size = c("A", "A", "B", "B", "C", "C"), central = c("1", "2", "1", "2", "1", "2"),
                    units = c(12, 8, 10, 10, 6, 14), n = c(8, 3, 5, 6, 2, 6),
                    answered = c(7, 3, 5, 5, 2, 6), chose = c(5, 1, 2, 3, 2, 1))
d <- do.call(rbind, lapply(seq_len(nrow(cells)), function(i) {
  r <- cells[i, ]
  data.frame(cell = i, size = r$size, central = r$central,
             answered = rep(c(1, 1, 0), c(r$chose, r$answered - r$chose, r$n - r$answered)),
             y = rep(c(1, 0, 0), c(r$chose, r$answered - r$chose, r$n - r$answered)))
}))
d$N <- 60
des <- svydesign(ids = ~1, fpc = ~N, data = d)
pop.size <- data.frame(size = c("A", "B", "C"), Freq = c(20, 20, 20))
pop.central <- data.frame(central = c("1", "2"), Freq = c(28, 32))
totals <- c(`(Intercept)` = 60, sizeB = 20, sizeC = 20, central2 = 32)
rk <- rake(des, list(~size, ~central), list(pop.size, pop.central), control = list(maxit = 1000, epsilon = 1e-15))
p17("R rake weights per cell", tapply(weights(rk), d$cell, mean))
m <- svymean(~y, subset(rk, answered == 1)); p17("R rake share", coef(m))
# rake's variance sweeps the residuals over the margins 10 times (survey:::svyrecvar); calibrate
# takes the exact least-squares residual, which raking.ts computes: they agree to 7e-11 here.
p17("R rake SE", SE(m))
cal <- calibrate(des, ~size + central, population = totals, calfun = "raking", epsilon = 1e-15, maxit = 1000)
p17("R calibrate weights per cell", tapply(weights(cal), d$cell, mean))
p17("R Kish deff", nrow(d) * sum(weights(cal)^2) / sum(weights(cal))^2)
m <- svymean(~y, subset(cal, answered == 1)); p17("R share", coef(m)); p17("R SE (fpc)", SE(m))
wilson_at <- function(p, v, z = qnorm(0.975)) {
  ns <- p * (1 - p) / v
  (p + z^2 / (2 * ns)) / (1 + z^2 / ns) + c(-1, 1) * z / (1 + z^2 / ns) * sqrt(p * (1 - p) / ns + z^2 / (4 * ns^2))
}
p17("R Wilson at n* = p(1-p)/SE^2", wilson_at(as.vector(coef(m)), as.vector(SE(m))^2))
des0 <- svydesign(ids = ~1, weights = ~I(60 / 30), data = d)
cal0 <- calibrate(des0, ~size + central, population = totals, calfun = "raking", epsilon = 1e-15, maxit = 1000)
m <- svymean(~y, subset(cal0, answered == 1)); p17("R SE (no fpc)", SE(m))
m <- svymean(~y, subset(cal, answered == 1 & central == "2")); p17("R domain central 2 share", coef(m)); p17("R domain central 2 SE", SE(m))
ps <- postStratify(des, ~size, pop.size)
p17("R postStratify weights per cell", tapply(weights(ps), d$cell, mean))
m <- svymean(~y, subset(ps, answered == 1)); p17("R postStratify share", coef(m)); p17("R postStratify SE", SE(m))
# Trimming: raking with the weights capped at 1.25 x the mean weight (60/30) is bounded raking,
# calibrate(bounds = c(0, 1.25)) on the g-weights (weights / (N/n)); at 1.2 no solution exists.
cal <- calibrate(des, ~size + central, population = totals, calfun = "raking", bounds = c(0, 1.25), epsilon = 1e-15, maxit = 1000)
p17("R bounded raking weights per cell (cap 1.25)", tapply(weights(cal), d$cell, mean))
r <- try(calibrate(des, ~size + central, population = totals, calfun = "raking", bounds = c(0, 1.2), maxit = 1000), silent = TRUE)
cat("R bounded raking cap 1.2: ", if (inherits(r, "try-error")) "Calibration failed" else "converged", "\n", sep = "")

# ---------------------------------------------------------------------------------------------
# Issue 16, part C (CLI and districts): quartiles of a number question, as R's default quantile
# (type 7). src/analysis/numbers.test.ts and src/cli/analyze.cmd.test.ts.
x <- rep(c(1, 4, 10, 13), c(3, 2, 1, 4))
print(quantile(x, c(.1, .25, .3, .5, .65, .75, .9)), digits = 17)
# 1.00 1.75 3.0999999999999992 7.00 12.5500000000000025 13.00 13.00
print(quantile(c(0, 3, 5, 12), c(.25, .5, .75)), digits = 17)  # 2.25 4.00 6.75 (mini municipalities)
print(quantile(c(40, 7), c(.25, .5, .75)), digits = 17)        # 15.25 23.50 31.75 (mini districts)

# ---------------------------------------------------------------------------------------------
# Issue 16, part "Honest edge cases and multiple comparisons" (special.test.ts,
# distributions.test.ts, multiplicity.test.ts, kruskal-exact.test.ts, significance.test.ts).
# Upper tails far below 1e-16 (computed in R without cancellation): pchisq(120, 2, lower.tail = FALSE)
# is exp(-60) exactly.
for (a in list(c(120, 2), c(80, 1), c(150, 4), c(300, 10), c(700, 1), c(1000, 30), c(1380, 2), c(1500, 40), c(12, 30), c(0.001, 3), c(30, 30)))
  p17(paste("pchisq upper", a[1], a[2]), pchisq(a[1], a[2], lower.tail = FALSE))
for (a in list(c(40, 30), c(12, 5), c(100, 200), c(25, 1000), c(1e6, 3), c(0.01, 7), c(8, 50000)))
  p17(paste("2*pt lower", a[1], a[2]), 2 * pt(-a[1], a[2]))
for (x in c(0.5, 1.5, 3, 7.5, 42, 150.5, 1e4)) p17(paste("lgamma", x), lgamma(x))
for (a in list(c(0.5, 0.5), c(3, 2.5), c(20, 19), c(75, 110))) p17(paste("pgamma upper a x", a[1], a[2]), pgamma(a[2], a[1], lower.tail = FALSE))
for (a in list(c(0.3, 2, 3), c(0.9, 0.5, 5), c(0.01, 10, 0.5))) p17(paste("pbeta x a b", a[1], a[2], a[3]), pbeta(a[1], a[2], a[3]))
# Holm (and BH, for the comparison quoted in multiplicity.test.ts)
p17("holm 5", p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "holm"))
p17("holm NA ties", p.adjust(c(0.02, NA, 0.02, 0.5), "holm"))
p <- c(0.0004, 0.011, 0.019, 0.023, 0.031, 0.04, 0.3, 0.6)
p17("holm 8", p.adjust(p, "holm")); p17("BH 8", p.adjust(p, "BH"))
ts <- list(matrix(c(30, 45, 70, 55), 2), matrix(c(40, 54, 60, 46), 2), matrix(c(50, 52, 50, 48), 2))
p <- sapply(ts, function(t) chisq.test(t, correct = FALSE)$p.value)
p17("family raw p", p); p17("family holm", p.adjust(p, "holm"))
# Exact permutation p of the Kruskal-Wallis H (kruskal.test's statistic, ties corrected): every
# groups x values table with the observed margins, weighted by its multiple hypergeometric
# probability; p = P(H* >= H_obs * (1 - 1e-7)).
exact_kw_p <- function(groups) {
  vals <- sort(unique(unlist(groups)))
  obs <- t(sapply(groups, function(g) table(factor(g, levels = vals))))
  rs <- rowSums(obs); cs <- colSums(obs); N <- sum(obs); nr <- nrow(obs); nc <- ncol(obs)
  H <- function(tab) {
    x <- rep(rep(vals, nr), as.vector(t(tab))); g <- rep(rep(seq_len(nr), each = nc), as.vector(t(tab)))
    unname(kruskal.test(x, factor(g))$statistic)
  }
  logp <- function(tab) sum(lfactorial(rs)) + sum(lfactorial(cs)) - lfactorial(N) - sum(lfactorial(tab))
  thr <- H(obs) * (1 - 1e-7)
  total <- 0; mass <- 0; count <- 0
  rec <- function(tab, i, j, colleft, rowleft) {
    if (i == nr) { tab[nr, ] <- colleft; pr <- exp(logp(tab)); mass <<- mass + pr; count <<- count + 1
      if (H(tab) >= thr) total <<- total + pr; return(invisible()) }
    if (j == nc) { if (rowleft > colleft[nc]) return(invisible())
      tab[i, nc] <- rowleft; cl <- colleft; cl[nc] <- cl[nc] - rowleft
      return(rec(tab, i + 1, 1, cl, if (i + 1 <= nr) rs[i + 1] else 0)) }
    for (v in 0:min(rowleft, colleft[j])) { tab[i, j] <- v; cl <- colleft; cl[j] <- cl[j] - v; rec(tab, i, j + 1, cl, rowleft - v) }
  }
  rec(matrix(0, nr, nc), 1, 1, cs, rs[1])
  c(p = total, mass = mass, tables = count, H = H(obs), asymptotic = kruskal.test(groups)$p.value)
}
p17("KW exact tiny {1} {2,3}", exact_kw_p(list(1, c(2, 3))))
p17("KW exact likert 3/4/2", exact_kw_p(list(c(1, 2, 2), c(3, 4, 5, 5), c(2, 3))))
p17("KW exact likert 3/4/5", exact_kw_p(list(c(1, 1, 2), c(2, 3, 3, 4), c(4, 5, 5, 5, 4))))
p17("KW exact counties 1/2/3/6", exact_kw_p(list(5, c(1, 2), c(2, 3, 3), c(1, 2, 2, 3, 4, 4))))
# Monte Carlo case (too many tables to enumerate in R): coin 1.4-2 (Debian r-cran-coin).
suppressMessages(library(coin))
g <- list(c(4, 5), c(1, 2, 2), c(3, 3, 4, 5), c(1, 1, 2, 3), c(2, 4, 5, 5), c(3), c(1, 2, 3, 4, 4, 5, 5, 5))
d <- data.frame(y = unlist(g), g = factor(rep(seq_along(g), lengths(g))))
set.seed(2); r <- kruskal_test(y ~ g, data = d, distribution = approximate(nresample = 1e7))
p17("KW coin approx 7 groups (1e7)", c(pvalue(r), statistic(r), kruskal.test(g)$p.value))
