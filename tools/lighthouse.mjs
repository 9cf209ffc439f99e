// Lighthouse (package.json) on the pages given, each in the normal mode and in 关怀模式, through Debian's Chromium.
// Called by tools/audit.py, which serves the portal and gives the pages and the officer's session cookie.
// Usage: node tools/lighthouse.mjs BASE_URL SESSION_COOKIE PATH...   Prints one JSON line per page and mode.
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

const [base, session, ...paths] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless=new", "--disable-gpu"],
});
const host = new URL(base).hostname;
for (const path of paths) {
  for (const care of [false, true]) {
    const page = await browser.newPage();
    if (care) await page.evaluateOnNewDocument(() => localStorage.setItem("portal-care", "on"));
    if (path.startsWith("/portal")) await browser.setCookie({name: "sessionid", value: session, domain: host, path: "/"});
    let result;
    for (let attempt = 1; attempt <= 3; attempt++) {  // a run the shared machine starved gives no score: again
      result = await lighthouse(`${base}${path}`, {
        output: "json", logLevel: "error", disableStorageReset: true,
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      }, undefined, page);
      if (!result.lhr.runtimeError && Object.values(result.lhr.categories).every((c) => c.score !== null)) break;
      console.error(`${path}: ${result.lhr.runtimeError?.message || "no score"}, attempt ${attempt}`);
    }
    const scores = Object.fromEntries(Object.entries(result.lhr.categories).map(([key, c]) => [key, Math.round(c.score * 100)]));
    // A private page (the desk) is noindex on purpose: its SEO score is also given without that audit.
    const seo = result.lhr.categories.seo.auditRefs.filter((ref) => ref.id !== "is-crawlable" && ref.weight > 0);
    const weight = seo.reduce((sum, ref) => sum + ref.weight, 0);
    scores["seo-noindex-aside"] = Math.round(100 * seo.reduce(
      (sum, ref) => sum + ref.weight * (result.lhr.audits[ref.id].score ?? 1), 0) / weight);
    const failing = Object.values(result.lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative")
      .map((audit) => audit.id);
    console.log(JSON.stringify({path, care, scores, failing}));
    await page.close();
  }
}
await browser.close();
