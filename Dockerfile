# kg query service image; see docker-compose.yml (service "kg").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# README.m[d]: copied when present (pyproject's readme), no error when absent
COPY pyproject.toml README.m[d] ./
COPY kg ./kg
# kg/cypher/{queries,schema} are symlinks to these; the build copies their files into the package
COPY queries ./queries
COPY schema ./schema
RUN pip install . \
    && useradd --create-home --uid 10001 kg

USER kg
EXPOSE 8000
CMD ["kg", "serve", "--host", "0.0.0.0", "--port", "8000"]
