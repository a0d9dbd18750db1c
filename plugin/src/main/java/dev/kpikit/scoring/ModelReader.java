package dev.kpikit.scoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kpikit.kpi.JsonProblems;

/**
 * Reads and validates a JSON scoring model. The format (see {@code default-model.json}):
 * <pre>
 * name        optional; the file name otherwise
 * factors     [{id, input (default: the id), weight >= 0, normalisation FIXED_SCALE | MIN_MAX | PERCENTILE_RANK,
 *              min and max (FIXED_SCALE only), missing ZERO | EXCLUDE | MEAN | MEDIAN (default ZERO)}]
 * tiers       [{name, minScore}], best first, the last at 0; KEY 70, GROWTH 50, MAINTAIN 30, STANDARD 0 otherwise
 * rules       [{type maxTierBelowShare, tier, minShare} | {type minTierWhen, factor, equals, tier}]
 * outOfRange  REFUSE | CLAMP: a judgement of the account table outside its FIXED_SCALE factor's min..max is
 *             refused (the default) or clamped to it with a warning per account
 * </pre>
 * Jackson's tree has no positions, so a first
 * streaming pass records the line and column of every field name and value by JSON
 * pointer; validation then reports any mistake at its place in the file.
 */
final class ModelReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final List<Tier> DEFAULT_TIERS = List.of(
            new Tier("KEY", BigDecimal.valueOf(70)), new Tier("GROWTH", BigDecimal.valueOf(50)),
            new Tier("MAINTAIN", BigDecimal.valueOf(30)), new Tier("STANDARD", BigDecimal.ZERO));

    private final String source;
    private final Map<String, JsonLocation> valueLocations = new HashMap<>();
    private final Map<String, JsonLocation> nameLocations = new HashMap<>();

    private ModelReader(String source) {
        this.source = source;
    }

    static ScoringModel read(byte[] json, String source) {
        return new ModelReader(source).read(json);
    }

    private ScoringModel read(byte[] json) {
        JsonNode root = parse(json);
        Node model = new Node(root, "", "");
        model.expectObject().allowOnly("name", "factors", "tiers", "rules", "outOfRange");
        List<Factor> factors = factors(model.required("factors"));
        List<Tier> tiers = model.has("tiers") ? tiers(model.field("tiers")) : DEFAULT_TIERS;
        List<TierRule> rules = model.has("rules") ? rules(model.field("rules"), factors, tiers) : List.of();
        String name = model.has("name") ? model.field("name").text() : source;
        OutOfRange outOfRange = model.has("outOfRange") ? model.field("outOfRange").enumValue(OutOfRange.class) : OutOfRange.REFUSE;
        return new ScoringModel(name, factors, tiers, rules, outOfRange);
    }

    private JsonNode parse(byte[] json) {
        String pointer = "";
        JsonLocation lastToken = null;
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                // A container's own context is already the child; its pointer is the parent's.
                JsonStreamContext owner = token.isStructStart() && context.getParent() != null ? context.getParent() : context;
                pointer = owner.pathAsPointer().toString();
                Map<String, JsonLocation> locations = token == JsonToken.FIELD_NAME ? nameLocations : valueLocations;
                lastToken = parser.currentTokenLocation();
                locations.putIfAbsent(pointer, lastToken);
            }
            if (valueLocations.isEmpty()) {
                throw new ModelException(source, 1, 1, "", "the model is empty");
            }
            return MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            // Jackson's own limits (nesting depth, number and text length) name its settings class and no place
            JsonLocation at = e.getLocation() != null ? e.getLocation() : lastToken;
            throw new ModelException(source, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    path(pointer), beyondLimit(e));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ModelException(source, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    path(pointer), JsonProblems.reason(e));
        } catch (CharConversionException e) {
            // Jackson guessed UTF-16 or UTF-32 from the first bytes, and they were not (found by fuzzing)
            throw new ModelException(source, 1, 1, "", "the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Factor> factors(Node array) {
        List<Factor> factors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Node node : array.elements()) {
            node.expectObject().allowOnly("id", "input", "weight", "normalisation", "min", "max", "missing");
            Node idNode = node.required("id");
            String id = idNode.text();
            if (!ids.add(id)) {
                throw idNode.error("duplicate factor id \"" + id + "\"");
            }
            Node inputNode = node.has("input") ? node.field("input") : idNode;
            FactorInput input = FactorInput.fromKey(inputNode.text()).orElseThrow(() -> inputNode.error(
                    "unknown input \"" + inputNode.text() + "\", expected one of " + inputKeys()));
            Node weightNode = node.required("weight");
            BigDecimal weight = weightNode.number();
            if (weight.signum() < 0) {
                throw weightNode.error("weight must be >= 0, found " + weight.toPlainString());
            }
            total = total.add(weight);
            Normalisation normalisation = node.required("normalisation").enumValue(Normalisation.class);
            BigDecimal min = null;
            BigDecimal max = null;
            if (normalisation == Normalisation.FIXED_SCALE) {
                min = node.required("min").number();
                Node maxNode = node.required("max");
                max = maxNode.number();
                if (max.compareTo(min) <= 0) {
                    throw maxNode.error("max must be above min " + min.toPlainString() + ", found " + max.toPlainString());
                }
            } else {
                for (String bound : List.of("min", "max")) {
                    if (node.has(bound)) {
                        throw node.field(bound).error("only a FIXED_SCALE factor takes bounds");
                    }
                }
            }
            MissingPolicy missing = node.has("missing") ? node.field("missing").enumValue(MissingPolicy.class) : MissingPolicy.ZERO;
            factors.add(new Factor(id, input, weight, normalisation, min, max, missing));
        }
        if (factors.isEmpty()) {
            throw array.error("a model needs at least one factor");
        }
        if (total.signum() <= 0) {
            throw array.error("weights must sum to a positive total, found " + total.toPlainString());
        }
        return factors;
    }

    private List<Tier> tiers(Node array) {
        List<Tier> tiers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node node : array.elements()) {
            node.expectObject().allowOnly("name", "minScore");
            Node nameNode = node.required("name");
            if (!names.add(nameNode.text())) {
                throw nameNode.error("duplicate tier \"" + nameNode.text() + "\"");
            }
            Node minNode = node.required("minScore");
            BigDecimal minScore = minNode.number();
            if (minScore.signum() < 0 || minScore.compareTo(HUNDRED) > 0) {
                throw minNode.error("minScore must be from 0 to 100, found " + minScore.toPlainString());
            }
            if (!tiers.isEmpty() && minScore.compareTo(tiers.getLast().minScore()) >= 0) {
                throw minNode.error("tiers must go from the highest minScore to the lowest without overlap, found "
                        + minScore.toPlainString() + " after " + tiers.getLast().minScore().toPlainString());
            }
            tiers.add(new Tier(nameNode.text(), minScore));
        }
        if (tiers.isEmpty()) {
            throw array.error("a model needs at least one tier");
        }
        if (tiers.getLast().minScore().signum() != 0) {
            throw array.element(tiers.size() - 1).field("minScore")
                    .error("the lowest tier must start at 0 so that every score has a tier");
        }
        return tiers;
    }

    private List<TierRule> rules(Node array, List<Factor> factors, List<Tier> tiers) {
        List<TierRule> rules = new ArrayList<>();
        for (Node node : array.elements()) {
            node.expectObject();
            Node type = node.required("type");
            rules.add(switch (type.text()) {
                case "maxTierBelowShare" -> {
                    node.allowOnly("type", "tier", "minShare");
                    Node share = node.required("minShare");
                    if (share.number().signum() < 0 || share.number().compareTo(BigDecimal.ONE) > 0) {
                        throw share.error("minShare must be a fraction from 0 to 1, found " + share.number().toPlainString());
                    }
                    yield new TierRule.MaxTierBelowShare(tier(node.required("tier"), tiers), share.number());
                }
                case "minTierWhen" -> {
                    node.allowOnly("type", "factor", "equals", "tier");
                    yield new TierRule.MinTierWhen(ruleInput(node.required("factor"), factors),
                            node.required("equals").number(), tier(node.required("tier"), tiers));
                }
                default -> throw type.error("unknown rule type \"" + type.text() + "\", expected maxTierBelowShare or minTierWhen");
            });
        }
        return rules;
    }

    private static String tier(Node node, List<Tier> tiers) {
        String name = node.text();
        if (tiers.stream().noneMatch(tier -> tier.name().equals(name))) {
            throw node.error("unknown tier \"" + name + "\", expected one of "
                    + tiers.stream().map(Tier::name).collect(Collectors.joining(", ")));
        }
        return name;
    }

    /** A rule names a factor of the model or, failing that, any known input. */
    private static FactorInput ruleInput(Node node, List<Factor> factors) {
        String name = node.text();
        return factors.stream().filter(factor -> factor.id().equals(name)).map(Factor::input).findFirst()
                .or(() -> FactorInput.fromKey(name))
                .orElseThrow(() -> node.error("unknown factor \"" + name + "\", expected a factor id or one of " + inputKeys()));
    }

    private static String inputKeys() {
        return Arrays.stream(FactorInput.values()).map(FactorInput::key).collect(Collectors.joining(", "));
    }

    /** {@code /factors/2/weight} as {@code factors[2].weight}. */
    /** "the model nests objects and arrays deeper than 1000 levels" rather than Jackson's settings method. */
    private static String beyondLimit(StreamConstraintsException e) {
        int maxDepth = StreamReadConstraints.defaults().getMaxNestingDepth();
        if (e.getOriginalMessage().contains("nesting depth")) {
            return "the model nests objects and arrays deeper than " + maxDepth + " levels";
        }
        return e.getOriginalMessage().replaceAll(",? *from `[^`]*`", "");
    }

    /** Segments of a path shown at each end of a very deep one; the rest becomes "...". */
    private static final int SHOWN_PATH_SEGMENTS = 3;

    /**
     * "factors[2].weight" for the pointer "/factors/2/weight". A path deeper than a model ever is
     * (a hostile file nested thousands of levels) shows its first and last segments.
     */
    private static String path(String pointer) {
        List<String> segments = Arrays.stream(pointer.split("/")).filter(segment -> !segment.isEmpty()).toList();
        if (segments.size() > 3 * SHOWN_PATH_SEGMENTS) {
            return path(segments.subList(0, SHOWN_PATH_SEGMENTS)) + "..."
                    + path(segments.subList(segments.size() - SHOWN_PATH_SEGMENTS, segments.size())).replaceFirst("^([^\\[])", ".$1");
        }
        return path(segments);
    }

    private static String path(List<String> segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return JsonProblems.cut(path.toString());
    }

    /** A place in the model document: its JSON (null when absent) and its pointer. */
    private final class Node {
        private final JsonNode json;
        private final String pointer;
        private final String parentPointer;

        Node(JsonNode json, String pointer, String parentPointer) {
            this.json = json;
            this.pointer = pointer;
            this.parentPointer = parentPointer;
        }

        boolean has(String name) {
            return json.has(name);
        }

        Node field(String name) {
            return new Node(json.get(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"), pointer);
        }

        Node required(String name) {
            Node field = field(name);
            if (field.json == null || field.json.isNull()) {
                throw field.error("required");
            }
            return field;
        }

        Node element(int index) {
            return new Node(json.get(index), pointer + "/" + index, pointer);
        }

        List<Node> elements() {
            if (!json.isArray()) {
                throw error("expected an array");
            }
            List<Node> elements = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                elements.add(element(i));
            }
            return elements;
        }

        Node expectObject() {
            if (!json.isObject()) {
                throw error("expected an object");
            }
            return this;
        }

        void allowOnly(String... names) {
            List<String> allowed = List.of(names);
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    Node unknown = field(name);
                    JsonLocation at = nameLocations.get(unknown.pointer);
                    throw unknown.error(at, "unknown field, expected one of " + String.join(", ", allowed));
                }
            }
        }

        String text() {
            if (!json.isTextual() || json.asText().isBlank()) {
                throw error("expected a non-empty text");
            }
            return json.asText();
        }

        BigDecimal number() {
            if (!json.isNumber()) {
                throw error("expected a number, found " + json);
            }
            return json.decimalValue();
        }

        <E extends Enum<E>> E enumValue(Class<E> type) {
            String text = text();
            return Arrays.stream(type.getEnumConstants()).filter(value -> value.name().equals(text)).findFirst()
                    .orElseThrow(() -> error("unknown value \"" + text + "\", expected one of "
                            + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        }

        ModelException error(String reason) {
            // An absent field has no place of its own: point at the object that lacks it.
            JsonLocation at = valueLocations.getOrDefault(pointer, valueLocations.get(parentPointer));
            return error(at, reason);
        }

        private ModelException error(JsonLocation at, String reason) {
            return new ModelException(source, at.getLineNr(), at.getColumnNr(), path(pointer), reason);
        }
    }
}
