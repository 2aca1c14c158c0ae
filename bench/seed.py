"""Adds N published Russian news articles to a migrated portal database, for load tests only."""
import sqlite3, sys, uuid, datetime

db, count = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
cols = [r[1] for r in con.execute("PRAGMA table_info(NewsArticles)")]
start = datetime.datetime(2022, 1, 1)
# Spread over the past, whatever the count: a future date would make an article scheduled, not published.
step = min(6 * 3600, int((datetime.datetime(2026, 1, 1) - start).total_seconds() / max(count, 1)))
rows = []
for i in range(count):
    when = (start + datetime.timedelta(seconds=step * i)).strftime("%Y-%m-%d %H:%M:%S")
    body = "\n\n".join(f"Абзац {p} нагрузочной статьи {i}: правозащитники и юристы обсуждают механизмы защиты." for p in range(8))
    html = "".join(f"<p>Абзац {p} нагрузочной статьи {i}: правозащитники и юристы обсуждают механизмы защиты.</p>" for p in range(8))
    values = {
        "Culture": "ru", "TranslationGroupId": str(uuid.uuid4()).upper(), "Slug": f"bench-{i}",
        "Title": f"Нагрузочная статья {i}", "Summary": "Краткое описание нагрузочной статьи.",
        "BodyMarkdown": body, "BodyHtml": html, "Status": 1, "PublishedUtc": when,
        "CreatedUtc": when, "UpdatedUtc": when, "ContentChangedUtc": when, "Version": 1,
    }
    rows.append(tuple(values.get(c) for c in cols if c != "Id"))
names = [c for c in cols if c != "Id"]
con.executemany(f"INSERT INTO NewsArticles ({','.join(names)}) VALUES ({','.join('?' * len(names))})", rows)
con.commit()
print(f"seeded {count} articles")
