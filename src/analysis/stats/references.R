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
