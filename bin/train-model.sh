#!/usr/bin/env bash
# Trains the shipped classifier model from the licence-allowed sets in ../shared/data and Parley's own seed
# examples, writing src/main/resources/classifier/model.bin: n-gram heads, sentence-encoder heads mixed with them on
# the dev split, and bands capped on the civil dev rows of the reference sets. See docs/classifier.md for the why of
# each choice. The embeddings are kept in target/embeddings.cache, so a second run takes a minute, not four.
# Usage: bin/train-model.sh [path/to/shared/data]   (needs target/parley.jar: ./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
java -jar target/parley.jar train \
    --data "$data/civil_comments_toxic_spans/civil_comments_toxic_spans.csv" \
           "$data/davidson2017/davidson2017.csv" \
           "$data/hatexplain/hatexplain.csv" \
           "$data/olid/olid.csv" \
           "$data/wiki_context_toxicity/wiki_context_toxicity.csv" \
           "$data/jigsaw_toxic_sample/jigsaw_toxic_sample.csv" \
           "$data/ibm_argq_30k/ibm_argq_30k.csv" \
           "$data/perspectrum/perspectrum.csv" \
           data/seed/parley_seed.csv \
    --weight wiki_context_toxicity=3 --weight parley_seed=5 \
    --civil-reference ibm_argq_30k perspectrum wiki_context_toxicity \
    --embedding-cache target/embeddings.cache \
    --out src/main/resources/classifier/model.bin
