package dev.parley.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.parley.support.TestUser;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Offline checks of the deployment files (k8s/, src/main/docker/, .dockerignore)
 * against the service they deploy: health paths, port, configuration names and
 * file references. Needs no cluster, no Docker and no Quarkus; `kubectl
 * kustomize` runs only where kubectl is installed.
 */
class ManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path DOCKER = Path.of("src/main/docker");
    private static final List<String> DOCKERFILES = List.of("Dockerfile.jvm", "Dockerfile.native", "Dockerfile.native-micro");
    private static final List<String> KUSTOMIZE_DIRS = List.of("base", "overlays/jvm", "overlays/native", "overlays/dev");

    /** Probe kind to the smallrye-health endpoint it must use. */
    private static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");

    /** Quarkus and MicroProfile keys the service reads whether or not application.properties sets them. */
    private static final Set<String> STANDARD_KEYS = Set.of(
            "quarkus.http.port", "quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username", "quarkus.datasource.password", "quarkus.datasource.reactive.max-size",
            "quarkus.redis.hosts", "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer",
            "mp.jwt.verify.clock.skew", "quarkus.shutdown.delay", "quarkus.log.console.json");

    private static final YAMLMapper YAML = new YAMLMapper();

    record Doc(Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        boolean is(String kind, String name) {
            return kind().equals(kind) && name().equals(name);
        }
    }

    // --- manifests ---------------------------------------------------------

    @Test
    void everyManifestParsesAndNamesItsKind() throws IOException {
        List<Path> files = yamlFiles();
        assertFalse(files.isEmpty(), "no YAML under k8s/");
        for (Path file : files) {
            List<Doc> docs = documents(file);
            assertFalse(docs.isEmpty(), file + " holds no document");
            for (Doc doc : docs) {
                assertFalse(doc.node().path("apiVersion").asText().isBlank(), file + ": a document without apiVersion");
                assertFalse(doc.kind().isBlank(), file + ": a document without kind");
                if (!doc.kind().equals("Kustomization")) {
                    assertFalse(doc.name().isBlank(), file + ": a " + doc.kind() + " without metadata.name");
                }
            }
        }
    }

    @Test
    void probesUseTheHealthEndpointsOnPort8080() throws IOException {
        Doc deployment = baseDeployment();
        JsonNode container = parleyContainer(deployment.node());
        JsonNode http = null;
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals("http")) {
                http = port;
            }
        }
        assertTrue(http != null, "the container has no port named http");
        assertEquals(8080, http.path("containerPort").asInt(), "the http port");

        PROBES.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), probe + " path");
            JsonNode port = get.path("port");
            assertTrue(port.asText().equals("http") || port.asInt() == 8080, probe + " port is " + port);
        });

        // Probes that overlays patch in must use the same endpoints.
        for (Doc doc : allDocuments()) {
            if (!doc.is("Deployment", "parley")) {
                continue;
            }
            for (JsonNode c : doc.node().path("spec").path("template").path("spec").path("containers")) {
                for (String probe : PROBES.keySet()) {
                    JsonNode get = c.path(probe).path("httpGet");
                    if (!get.isMissingNode()) {
                        assertEquals(PROBES.get(probe), get.path("path").asText(), doc.file() + ": " + probe);
                    }
                }
            }
        }
    }

    @Test
    void serviceAndIngressReachTheContainerPort() throws IOException {
        Doc service = find("Service", "parley", K8S.resolve("base"));
        JsonNode port = service.node().path("spec").path("ports").get(0);
        assertEquals(80, port.path("port").asInt(), "Service port");
        assertEquals("http", port.path("targetPort").asText(), "Service targetPort: the container port's name");

        Doc ingress = find("Ingress", "parley", K8S.resolve("base"));
        for (JsonNode rule : ingress.node().path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                assertEquals("parley", backend.path("name").asText(), "Ingress backend service");
                JsonNode backendPort = backend.path("port");
                assertTrue(backendPort.path("name").asText().equals(port.path("name").asText())
                        || backendPort.path("number").asInt() == 80, "Ingress backend port " + backendPort);
            }
        }
        JsonNode annotations = ingress.node().path("metadata").path("annotations");
        assertEquals("3600", annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asText());
        assertEquals("3600", annotations.path("nginx.ingress.kubernetes.io/proxy-send-timeout").asText());
    }

    // --- configuration names -----------------------------------------------

    /** The README's configuration table is the contract: every row names a real key and its exact environment form. */
    @Test
    void readmeConfigurationTableNamesRealKeys() throws IOException {
        Map<String, String> table = readmeConfigurationTable();
        assertTrue(table.size() >= 20, "README configuration table rows found: " + table);
        Set<String> known = applicationPropertiesKeys();
        known.addAll(STANDARD_KEYS);
        Set<String> prefixes = configMappingPrefixes();
        assertTrue(prefixes.containsAll(Set.of("parley.chat.", "parley.presence.", "parley.redis.", "parley.dev.")),
                "@ConfigMapping prefixes found: " + prefixes);
        List<String> problems = new ArrayList<>();
        table.forEach((key, env) -> {
            if (!env.equals(envForm(key))) {
                problems.add(key + " is documented as " + env + ", but its environment form is " + envForm(key));
            }
            if (!known.contains(key) && prefixes.stream().noneMatch(key::startsWith)) {
                problems.add(key + " is neither in application.properties nor under a @ConfigMapping prefix");
            }
        });
        assertEquals(List.of(), problems);
    }

    /** Every environment variable the manifests give Parley is one the README documents. */
    @Test
    void everyEnvironmentVariableIsInTheReadmeTable() throws IOException {
        Set<String> documented = new TreeSet<>(readmeConfigurationTable().values());
        Set<String> keyFiles = mountedSecretKeys(baseDeployment().node());
        List<String> problems = new ArrayList<>();
        for (Doc doc : allDocuments()) {
            Set<String> names = new LinkedHashSet<>();
            if (doc.is("Deployment", "parley")) {
                for (JsonNode c : doc.node().path("spec").path("template").path("spec").path("containers")) {
                    c.path("env").forEach(e -> names.add(e.path("name").asText()));
                    for (JsonNode from : c.path("envFrom")) {
                        String ref = from.has("configMapRef") ? from.path("configMapRef").path("name").asText()
                                : from.path("secretRef").path("name").asText();
                        if (!ref.equals("parley-config") && !ref.equals("parley-secrets")) {
                            problems.add(doc.file() + ": envFrom " + ref + " is not checked by this test");
                        }
                    }
                }
            } else if (doc.is("ConfigMap", "parley-config")) {
                doc.node().path("data").fieldNames().forEachRemaining(names::add);
            } else if (doc.is("Secret", "parley-secrets")) {
                doc.node().path("stringData").fieldNames().forEachRemaining(names::add);
                doc.node().path("data").fieldNames().forEachRemaining(names::add);
                names.removeAll(keyFiles);
            }
            for (String name : names) {
                if (!documented.contains(name)) {
                    problems.add(doc.file() + ": " + doc.kind() + " " + doc.name() + " sets " + name
                            + ", which the README's configuration table does not list");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void jwtKeyLocationPointsAtTheMountedSecretFile() throws IOException {
        JsonNode spec = baseDeployment().node().path("spec").path("template").path("spec");
        JsonNode container = parleyContainer(baseDeployment().node());
        String location = null;
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
                location = env.path("value").asText();
            }
        }
        assertTrue(location != null, "MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set in the base Deployment");

        Set<String> mountedFiles = new TreeSet<>();
        for (JsonNode volume : spec.path("volumes")) {
            if (!volume.path("secret").path("secretName").asText().equals("parley-secrets")) {
                continue;
            }
            for (JsonNode mount : container.path("volumeMounts")) {
                if (mount.path("name").asText().equals(volume.path("name").asText())) {
                    volume.path("secret").path("items").forEach(item ->
                            mountedFiles.add(mount.path("mountPath").asText() + "/" + item.path("path").asText()));
                }
            }
        }
        assertTrue(mountedFiles.contains(location.replaceFirst("^file:", "")),
                location + " is none of the files mounted from parley-secrets: " + mountedFiles);

        Set<String> keyFiles = mountedSecretKeys(baseDeployment().node());
        JsonNode secret = find("Secret", "parley-secrets", K8S.resolve("base")).node().path("stringData");
        keyFiles.forEach(key -> assertTrue(secret.has(key), "the base Secret has no " + key));
    }

    /** The dev overlay trusts the committed test key pair, so tokens for a try-out can be minted with its private half. */
    @Test
    void devOverlayUsesTheTestKeyPairAndIssuer() throws IOException {
        Path dev = K8S.resolve("overlays/dev");
        JsonNode secret = find("Secret", "parley-secrets", dev).node().path("stringData");
        for (String key : mountedSecretKeys(baseDeployment().node())) {
            assertEquals(Files.readString(Path.of("src/test/resources/test-keys/public.pem")).strip(),
                    secret.path(key).asText().strip(), "dev " + key + " vs src/test/resources/test-keys/public.pem");
        }
        assertEquals(TestUser.ISSUER, find("ConfigMap", "parley-config", dev).node().path("data")
                .path("MP_JWT_VERIFY_ISSUER").asText(), "dev issuer");
    }

    // --- kustomize -----------------------------------------------------------

    @Test
    void kustomizationsReferenceExistingFilesAndNoFileIsForgotten() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path kustomization : yamlFiles()) {
            if (!kustomization.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            Path dir = kustomization.getParent();
            JsonNode k = documents(kustomization).get(0).node();
            Set<String> referenced = new TreeSet<>();
            k.path("resources").forEach(r -> referenced.add(r.asText()));
            k.path("patches").forEach(p -> {
                if (p.has("path")) {
                    referenced.add(p.path("path").asText());
                }
            });
            k.path("patchesStrategicMerge").forEach(p -> referenced.add(p.asText()));
            for (String ref : referenced) {
                Path target = dir.resolve(ref).normalize();
                boolean ok = Files.isDirectory(target) ? Files.exists(target.resolve("kustomization.yaml"))
                        : Files.isRegularFile(target);
                if (!ok) {
                    problems.add(kustomization + " references " + ref + ", which is not there");
                }
            }
            try (Stream<Path> siblings = Files.list(dir)) {
                siblings.filter(f -> f.toString().endsWith(".yaml") && !f.equals(kustomization))
                        .filter(f -> !referenced.contains(f.getFileName().toString()))
                        .forEach(f -> problems.add(f + " is not used by " + kustomization));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void kubectlKustomizeBuildsBaseAndEveryOverlay() throws Exception {
        Path kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not on PATH");
        for (String dir : KUSTOMIZE_DIRS) {
            List<Doc> rendered = kustomize(kubectl, K8S.resolve(dir));
            Doc deployment = rendered.stream().filter(d -> d.is("Deployment", "parley")).findFirst().orElseThrow(
                    () -> new AssertionError(dir + " renders no Deployment parley"));
            String image = parleyContainer(deployment.node()).path("image").asText();
            Set<String> kinds = new TreeSet<>();
            rendered.forEach(d -> kinds.add(d.kind()));
            switch (dir) {
                case "base" -> assertEquals("parley", image, dir);
                case "overlays/jvm" -> assertTrue(image.startsWith("parley-jvm:"), dir + " image " + image);
                case "overlays/native" -> assertTrue(image.startsWith("parley-native:"), dir + " image " + image);
                case "overlays/dev" -> {
                    assertTrue(image.startsWith("parley-jvm:"), dir + " image " + image);
                    assertEquals(1, deployment.node().path("spec").path("replicas").asInt(), dir + " replicas");
                    assertFalse(kinds.contains("HorizontalPodAutoscaler"), dir + " still has the HPA");
                    assertFalse(kinds.contains("PodDisruptionBudget"), dir + " still has the PDB");
                    assertTrue(rendered.stream().anyMatch(d -> d.is("Deployment", "postgres")), dir + ": postgres");
                    assertTrue(rendered.stream().anyMatch(d -> d.is("Deployment", "redis")), dir + ": redis");
                }
                default -> throw new AssertionError(dir);
            }
            if (!dir.equals("overlays/dev")) {
                assertTrue(kinds.containsAll(Set.of("ConfigMap", "Secret", "Deployment", "Service", "Ingress",
                        "HorizontalPodAutoscaler", "PodDisruptionBudget")), dir + " renders " + kinds);
            }
        }
    }

    // --- container images ------------------------------------------------------

    @Test
    void dockerfilesExposeHttpAndRunAsNonRoot() throws IOException {
        for (String name : DOCKERFILES) {
            Path file = DOCKER.resolve(name);
            assertTrue(Files.isRegularFile(file), file + " is missing");
            List<String> instructions = instructions(file);
            long stages = instructions.stream().filter(i -> keyword(i).equals("FROM")).count();
            assertTrue(stages >= 2, file + " is not a multi-stage build (it must build from a clean checkout)");
            List<String> finalStage = instructions.subList(lastIndexOf(instructions, "FROM"), instructions.size());
            assertTrue(finalStage.stream().anyMatch(i -> keyword(i).equals("EXPOSE")
                    && List.of(argument(i).split("\\s+")).stream().anyMatch(p -> p.equals("8080") || p.equals("8080/tcp"))),
                    file + " does not EXPOSE 8080 in its final stage");
            String user = finalStage.stream().filter(i -> keyword(i).equals("USER")).reduce((a, b) -> b)
                    .map(ManifestsTest::argument).orElse("root");
            // Numeric, because the kubelet can only verify runAsNonRoot against a numeric user.
            String uid = user.split(":")[0];
            assertTrue(uid.matches("\\d+") && !uid.equals("0"), file + " runs as USER " + user);
        }
    }

    @Test
    void dockerignoreLetsInWhatTheDockerfilesCopyAndKeepsTestsOut() throws IOException {
        List<String> patterns = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals("*", patterns.get(0), ".dockerignore should exclude everything first");
        Set<String> letIn = new TreeSet<>();
        patterns.stream().filter(p -> p.startsWith("!")).forEach(p -> letIn.add(trimPath(p.substring(1))));
        assertFalse(letIn.contains("src") || letIn.contains("src/test"), ".dockerignore lets tests in: " + letIn);

        for (String name : DOCKERFILES) {
            for (String copy : instructions(DOCKER.resolve(name))) {
                if (!keyword(copy).equals("COPY") || copy.contains("--from=")) {
                    continue;
                }
                List<String> words = Stream.of(argument(copy).split("\\s+")).filter(w -> !w.startsWith("--")).toList();
                for (String source : words.subList(0, words.size() - 1)) {
                    assertTrue(letIn.contains(trimPath(source)),
                            name + " copies " + source + ", which .dockerignore keeps out of the context");
                }
            }
        }
    }

    // --- helpers -----------------------------------------------------------

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** Every document of a (possibly multi-document) YAML file. */
    private static List<Doc> documents(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node != null && node.isObject()) {
                    docs.add(new Doc(file, node));
                }
            }
        }
        return docs;
    }

    private static List<Doc> allDocuments() throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (Path file : yamlFiles()) {
            docs.addAll(documents(file));
        }
        return docs;
    }

    private static Doc find(String kind, String name, Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Doc doc : documents(file)) {
                    if (doc.is(kind, name)) {
                        return doc;
                    }
                }
            }
        }
        throw new AssertionError("no " + kind + " " + name + " in " + dir);
    }

    private static Doc baseDeployment() throws IOException {
        return find("Deployment", "parley", K8S.resolve("base"));
    }

    private static JsonNode parleyContainer(JsonNode deployment) {
        for (JsonNode c : deployment.path("spec").path("template").path("spec").path("containers")) {
            if (c.path("name").asText().equals("parley")) {
                return c;
            }
        }
        throw new AssertionError("no container named parley");
    }

    /** The keys of parley-secrets that the Deployment mounts as files rather than reading as variables. */
    private static Set<String> mountedSecretKeys(JsonNode deployment) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode volume : deployment.path("spec").path("template").path("spec").path("volumes")) {
            if (volume.path("secret").path("secretName").asText().equals("parley-secrets")) {
                volume.path("secret").path("items").forEach(item -> keys.add(item.path("key").asText()));
            }
        }
        assertFalse(keys.isEmpty(), "the Deployment mounts no key of parley-secrets");
        return keys;
    }

    /** Key to environment variable, as SmallRye Config maps them: upper case, anything not alphanumeric to _. */
    static String envForm(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Key column to environment column of the README's "Configuration" table. A cell like
     * {@code `quarkus.datasource.username` / `.password`} names two keys; {@code `_PASSWORD`} likewise.
     */
    static Map<String, String> readmeConfigurationTable() throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals("## Configuration");
                continue;
            }
            if (!inSection || !line.startsWith("|") || line.startsWith("|---") || line.startsWith("| Key")) {
                continue;
            }
            String[] cells = line.split("\\|");
            List<String> keys = expand(backticked(cells[1]), ".");
            List<String> envs = expand(backticked(cells[2]), "_");
            assertEquals(keys.size(), envs.size(), "README row " + line);
            for (int i = 0; i < keys.size(); i++) {
                table.put(keys.get(i), envs.get(i));
            }
        }
        return table;
    }

    private static List<String> backticked(String cell) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** `.password` after `quarkus.datasource.username` means `quarkus.datasource.password`. */
    private static List<String> expand(List<String> names, String separator) {
        List<String> full = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(separator) && !full.isEmpty()) {
                String previous = full.get(full.size() - 1);
                name = previous.substring(0, previous.lastIndexOf(separator)) + name;
            }
            full.add(name);
        }
        return full;
    }

    /** The keys of application.properties, without %profile. prefixes. */
    private static Set<String> applicationPropertiesKeys() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().forEach(k -> keys.add(k.replaceFirst("^%[^.]+\\.", "")));
        return keys;
    }

    /** The prefixes of the application's {@code @ConfigMapping} interfaces (parley.chat. and so on), from the sources. */
    private static Set<String> configMappingPrefixes() throws IOException {
        Pattern mapping = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = mapping.matcher(Files.readString(source));
                while (m.find()) {
                    prefixes.add(m.group(1) + ".");
                }
            }
        }
        return prefixes;
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Doc> kustomize(Path kubectl, Path dir) throws Exception {
        Path out = Files.createTempFile("kustomize", ".yaml");
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish within 60 s");
            }
            assertEquals(0, process.exitValue(), "kubectl kustomize " + dir + ": " + Files.readString(err));
            return documents(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions(Path dockerfile) throws IOException {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(dockerfile)) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            result.add(current.toString().strip());
            current.setLength(0);
        }
        return result;
    }

    private static String keyword(String instruction) {
        return instruction.split("\\s+", 2)[0].toUpperCase();
    }

    private static String argument(String instruction) {
        String[] parts = instruction.split("\\s+", 2);
        return parts.length > 1 ? parts[1].strip() : "";
    }

    private static int lastIndexOf(List<String> instructions, String keyword) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (keyword(instructions.get(i)).equals(keyword)) {
                return i;
            }
        }
        throw new AssertionError("no " + keyword);
    }

    private static String trimPath(String path) {
        String p = path.startsWith("./") ? path.substring(2) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
