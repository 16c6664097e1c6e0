# One image per side: docker build --build-arg SIDE=command-side (or query-side). docker-compose.yml builds both.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SIDE
WORKDIR /src
COPY pom.xml .
COPY api api
COPY platform platform
COPY command-side command-side
COPY query-side query-side
COPY system-tests/pom.xml system-tests/pom.xml
RUN mvn -q -B -DskipTests -pl ${SIDE} -am package

FROM eclipse-temurin:17-jre
ARG SIDE
# the Chinese TrueType font the written notices' PDFs embed (no network at run time)
RUN apt-get update && apt-get install -y --no-install-recommends fonts-arphic-uming && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 tracker
COPY --from=build /src/${SIDE}/target/${SIDE}.jar /app/app.jar
USER tracker
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Xmx512m"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
