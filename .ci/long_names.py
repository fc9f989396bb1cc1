#!/usr/bin/env python3
"""A copy of the sample workspace with long names, outlets, titles and notes and one long quote,
for looking at the panes with .ci/views.sh (what gets cut, what overlaps). Not run by CI.
Usage: python3 .ci/long_names.py [OUT.ron]   (default target/views/ws-long.ron); then
.ci/views.sh target/debug/claimbench OUT.ron"""
import sys
import re, json
s=open('workspaces/ai-compute-deals.ron').read()
# long entity names
long_names={"Amazon":"Amazon.com Incorporated and its Web Services cloud division (Seattle)",
"OpenAI":"OpenAI Global LLC, the capped-profit arm of the OpenAI research lab",
"Nvidia":"NVIDIA Corporation, the graphics and data-centre chip designer",
"Microsoft":"Microsoft Corporation (Azure cloud and Copilot businesses)"}
for k,v in long_names.items():
    s=s.replace(f'name: "{k}",', f'name: "{v}",')
s=re.sub(r'outlet: "([^"]*)"', lambda m: f'outlet: "{m.group(1)} — Business, Technology and Markets Desk"', s)
s=re.sub(r'(\n            title: ")([^"]*)(",\n            outlet)', lambda m: m.group(1)+m.group(2)+': an extended analysis with every figure, party and date we could find'+m.group(3), s)
s=s.replace('title: "OpenAI valuation, 2025"','title: "OpenAI valuation over the whole of 2025 as reported by every outlet we follow"')
s=re.sub(r'(\n    title: ")([^"]*)(")', lambda m: m.group(1)+m.group(2)+' — the long working copy with very long names for layout checks'+m.group(3), s, count=1)
s=re.sub(r'note: "([^"]*)"', lambda m: 'note: "'+m.group(1)+' This note goes on for a long while to see how a long note wraps in the Inspector and in the report, with no natural break in sight for quite some time."', s)
# long quote for the first evidence of cl-0001: extend to the end of its paragraph
def doc_text(s, doc):
    i=s.index(f'id: "{doc}",'); j=s.index('text: "', i)+len('text: "')
    out=[]; k=j
    while True:
        c=s[k]
        if c=='\\': out.append(s[k:k+2]); k+=2; continue
        if c=='"': break
        out.append(c); k+=1
    raw=''.join(out)
    return raw.replace('\\"','"').replace('\\\\','\\')
t=doc_text(s,'doc-0001')
a=s.index('exact: "Amazon is negotiating to put at least $10 billion into OpenAI, The Information reported on December 16",')
start=79; assert t[79:181].startswith('Amazon is negotiating'), t[70:100]
end=t.index('\n', start)
exact=t[start:end]
blk_start=s.rindex('anchor: (', 0, a); blk_end=s.index('),', a)
old=s[blk_start:blk_end]
new=old.replace('end: 181,', f'end: {end},').replace('exact: "Amazon is negotiating to put at least $10 billion into OpenAI, The Information reported on December 16",', 'exact: '+json.dumps(exact, ensure_ascii=False)+',')
new=re.sub(r'suffix: "[^"]*",', 'suffix: '+json.dumps(t[end:end+32], ensure_ascii=False)+',', new)
s=s[:blk_start]+new+s[blk_end:]
out = sys.argv[1] if len(sys.argv) > 1 else 'target/views/ws-long.ron'
import os
os.makedirs(os.path.dirname(out) or '.', exist_ok=True)
open(out, 'w').write(s)
