#!/usr/bin/env python3
"""Grows the benchmark Glance's image table to TOTAL images by cloning images it created through the API.

    glance-clone-images.py SQLITE_DB NAME_PREFIX TOTAL

Creating 10,000 images through the API of a keystone-mode Glance takes minutes (each POST is a handful of
SQLite commits in one single-threaded Glance process); the listing benchmark only needs the rows. So run.sh
creates a few hundred images through the API (the templates) and this script copies their rows -- the image,
its custom properties and its tags, exactly as Glance wrote them -- under new ids and names
(NAME_PREFIX-000123), with distinct created_at values, in one transaction. Glance serves the clones like any
other image: the benchmark measures the real Glance listing them. Prints the number of images afterwards.
"""
import datetime
import sqlite3
import sys
import uuid


def main(db_path, prefix, total):
    db = sqlite3.connect(db_path, timeout=60)
    db.execute("PRAGMA busy_timeout = 60000")
    templates = db.execute(
        "SELECT id FROM images WHERE deleted = 0 AND name LIKE ? ORDER BY created_at", (prefix + "-%",)).fetchall()
    if not templates:
        sys.exit("no image named %s-* to clone in %s" % (prefix, db_path))
    have = db.execute("SELECT count(*) FROM images WHERE deleted = 0 AND name LIKE ?", (prefix + "-%",)).fetchone()[0]
    image_cols = [r[1] for r in db.execute("PRAGMA table_info(images)")]
    prop_cols = [r[1] for r in db.execute("PRAGMA table_info(image_properties)") if r[1] != "id"]
    tag_cols = [r[1] for r in db.execute("PRAGMA table_info(image_tags)") if r[1] != "id"]
    # The templates' rows, read once (a few hundred images): copying them is then plain inserts.
    image_rows, prop_rows, tag_rows = {}, {}, {}
    for (template,) in templates:
        image_rows[template] = dict(zip(image_cols, db.execute("SELECT * FROM images WHERE id = ?", (template,)).fetchone()))
        for table, cols, into in (("image_properties", prop_cols, prop_rows), ("image_tags", tag_cols, tag_rows)):
            # "+deleted": keep SQLite on the image_id index (the deleted index matches every row)
            into[template] = [dict(zip(cols, r)) for r in db.execute(
                "SELECT %s FROM %s WHERE image_id = ? AND +deleted = 0" % (",".join(cols), table), (template,))]
    start = datetime.datetime.utcnow() - datetime.timedelta(hours=1)
    images, props, tags = [], [], []
    for n in range(have, total):
        template = templates[n % len(templates)][0]
        new_id = str(uuid.uuid4())
        created = (start + datetime.timedelta(milliseconds=n)).strftime("%Y-%m-%d %H:%M:%S.%f")
        row = dict(image_rows[template], id=new_id, name="%s-%06d" % (prefix, n), created_at=created, updated_at=created)
        images.append([row[c] for c in image_cols])
        for p in prop_rows[template]:
            p = dict(p, image_id=new_id)
            if p["name"] == "build_id":
                p["value"] = "build-%08d" % n
            props.append([p[c] for c in prop_cols])
        for t in tag_rows[template]:
            tags.append([dict(t, image_id=new_id)[c] for c in tag_cols])
    with db:
        for table, cols, rows in (("images", image_cols, images), ("image_properties", prop_cols, props),
                                  ("image_tags", tag_cols, tags)):
            db.executemany("INSERT INTO %s (%s) VALUES (%s)" % (table, ",".join(cols), ",".join("?" * len(cols))), rows)
    print(db.execute("SELECT count(*) FROM images WHERE deleted = 0 AND name LIKE ?", (prefix + "-%",)).fetchone()[0])


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
