"""How learners get week2_numpy_basics wrong (and right in their own way), as notebook code.

Written from the mistakes learners make in the numpy warm-up, in their own styles; several are not
in the assignment's known-mistake catalogue on purpose (some raise errors, some are named by no
catalogue entry), so the measurement shows how many get named.
"""
from tests.mistake_corpus.kinds import Right, Wrong

ASSIGNMENT = "week2_numpy_basics"

CORPUS = [
    # basic_sigmoid ------------------------------------------------------------------------------
    Wrong("basic_sigmoid", "exp(x) instead of exp(-x)", """
def basic_sigmoid(x):
    s = 1 / (1 + math.exp(x))
    return s
"""),
    Wrong("basic_sigmoid", "operator precedence", """
def basic_sigmoid(x):
    s = 1/1 + math.exp(-x)
    return s
"""),
    Wrong("basic_sigmoid", "e^-x in the numerator (that is sigmoid(-x))", """
def basic_sigmoid(x):
    e = math.exp(-x)
    return e / (1 + e)
"""),
    Wrong("basic_sigmoid", "minus in the denominator", """
def basic_sigmoid(x):
    return 1.0 / (1.0 - math.exp(-x))
"""),
    # sigmoid ------------------------------------------------------------------------------------
    Wrong("sigmoid", "math.exp on an array", """
def sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s
"""),
    Wrong("sigmoid", "np.e ** x, sign lost", """
def sigmoid(x):
    return 1 / (1 + np.e ** x)
"""),
    Wrong("sigmoid", "1 - exp in the denominator", """
def sigmoid(x):
    denominator = 1 - np.exp(-x)
    s = 1 / denominator
    return s
"""),
    # sigmoid_derivative -------------------------------------------------------------------------
    Wrong("sigmoid_derivative", "s * (1 + s)", """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s * (1 + s)
    return ds
"""),
    Wrong("sigmoid_derivative", "formula applied to x, not to sigmoid(x)", """
def sigmoid_derivative(x):
    ds = x * (1 - x)
    return ds
"""),
    Wrong("sigmoid_derivative", "returns the sigmoid itself", """
def sigmoid_derivative(x):
    s = sigmoid(x)
    ds = s
    return ds
"""),
    Wrong("sigmoid_derivative", "uses basic_sigmoid (math.exp) on arrays", """
def sigmoid_derivative(x):
    s = basic_sigmoid(x)
    return s * (1 - s)
"""),
    Wrong("sigmoid_derivative", "mixes s and x", """
def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * (1 - x)
"""),
    Wrong("sigmoid_derivative", "sign flipped: s * (s - 1)", """
def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * (s - 1)
"""),
    # image2vector -------------------------------------------------------------------------------
    Wrong("image2vector", "row vector (1, n)", """
def image2vector(image):
    v = image.reshape(1, -1)
    return v
"""),
    Wrong("image2vector", "rank-1 vector from flatten()", """
def image2vector(image):
    return image.flatten()
"""),
    Wrong("image2vector", "transposes before reshaping", """
def image2vector(image):
    v = image.T.reshape(-1, 1)
    return v
"""),
    Wrong("image2vector", "assumes 3 colour channels", """
def image2vector(image):
    v = image.reshape(image.shape[0] * image.shape[1] * 3, 1)
    return v
"""),
    Wrong("image2vector", "one column per channel", """
def image2vector(image):
    length, height, depth = image.shape
    v = image.reshape(length * height, depth)
    return v
"""),
    Wrong("image2vector", "keeps the first axis as rows", """
def image2vector(image):
    v = np.reshape(image, (image.shape[0], image.shape[1] * image.shape[2]))
    return v
"""),
    # normalize_rows -----------------------------------------------------------------------------
    Wrong("normalize_rows", "norm without keepdims", """
def normalize_rows(x):
    x_norm = np.linalg.norm(x, axis=1)
    x = x / x_norm
    return x
"""),
    Wrong("normalize_rows", "norm of the whole matrix", """
def normalize_rows(x):
    return x / np.linalg.norm(x)
"""),
    Wrong("normalize_rows", "norm over axis 0", """
def normalize_rows(x):
    x_norm = np.linalg.norm(x, ord=2, axis=0, keepdims=True)
    return x / x_norm
"""),
    Wrong("normalize_rows", "divides by the row sums", """
def normalize_rows(x):
    totals = x.sum(axis=1, keepdims=True)
    return x / totals
"""),
    Wrong("normalize_rows", "sum of squares without the square root", """
def normalize_rows(x):
    sq = np.sum(x ** 2, axis=1, keepdims=True)
    return x / sq
"""),
    Wrong("normalize_rows", "L1 norm (ord=1)", """
def normalize_rows(x):
    return x / np.linalg.norm(x, ord=1, axis=1, keepdims=True)
"""),
    # softmax ------------------------------------------------------------------------------------
    Wrong("softmax", "sums over the wrong axis", """
def softmax(x):
    e = np.exp(x)
    return e / np.sum(e, axis=0, keepdims=True)
"""),
    Wrong("softmax", "divides by the sum of the whole matrix", """
def softmax(x):
    x_exp = np.exp(x)
    s = x_exp / np.sum(x_exp)
    return s
"""),
    Wrong("softmax", "row sums without keepdims", """
def softmax(x):
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1)
    return x_exp / x_sum
"""),
    Wrong("softmax", "denominator sums x, not exp(x)", """
def softmax(x):
    return np.exp(x) / np.sum(x, axis=1, keepdims=True)
"""),
    Wrong("softmax", "stabilized with the column maxima", """
def softmax(x):
    shifted = x - x.max(axis=0)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)
"""),
    Wrong("softmax", "forgot the exponential", """
def softmax(x):
    s = x / x.sum(axis=1, keepdims=True)
    return s
"""),
    # L1 -----------------------------------------------------------------------------------------
    Wrong("L1", "no absolute value", """
def L1(yhat, y):
    loss = np.sum(y - yhat)
    return loss
"""),
    Wrong("L1", "mean instead of sum", """
def L1(yhat, y):
    return np.mean(np.abs(y - yhat))
"""),
    Wrong("L1", "absolute value of the sum", """
def L1(yhat, y):
    loss = abs(sum(y - yhat))
    return loss
"""),
    Wrong("L1", "Euclidean norm of the error", """
def L1(yhat, y):
    return np.linalg.norm(y - yhat)
"""),
    # L2 -----------------------------------------------------------------------------------------
    Wrong("L2", "absolute values instead of squares", """
def L2(yhat, y):
    loss = np.sum(np.abs(y - yhat))
    return loss
"""),
    Wrong("L2", "square root of the sum of squares", """
def L2(yhat, y):
    return np.linalg.norm(y - yhat)
"""),
    Wrong("L2", "divides by m", """
def L2(yhat, y):
    diff = y - yhat
    return np.dot(diff, diff) / len(y)
"""),
    Wrong("L2", "squares the sum instead of summing the squares", """
def L2(yhat, y):
    return np.sum(y - yhat) ** 2
"""),
    Wrong("L2", "forgot to square", """
def L2(yhat, y):
    loss = np.sum(yhat - y)
    return -loss
"""),
    # correct, written differently ----------------------------------------------------------------
    Right("basic_sigmoid", "e^x / (1 + e^x)", """
def basic_sigmoid(x):
    return math.exp(x) / (1 + math.exp(x))
"""),
    Right("sigmoid", "through tanh", """
def sigmoid(x):
    return 0.5 * (1 + np.tanh(x / 2))
"""),
    Right("sigmoid_derivative", "closed form without calling sigmoid", """
def sigmoid_derivative(x):
    e = np.exp(-x)
    return e / (1 + e) ** 2
"""),
    Right("image2vector", "reshape(-1, 1)", """
def image2vector(image):
    return image.reshape(-1, 1)
"""),
    Right("image2vector", "ravel then a new axis", """
def image2vector(image):
    return np.ravel(image)[:, np.newaxis]
"""),
    Right("normalize_rows", "square root of the row sums of squares, reshaped to a column", """
def normalize_rows(x):
    norms = np.sqrt(np.sum(x * x, axis=1)).reshape(-1, 1)
    return x / norms
"""),
    Right("softmax", "stabilized with each row's maximum", """
def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
"""),
    Right("softmax", "row sums as a column with [:, None]", """
def softmax(x):
    e = np.exp(x)
    return e / e.sum(axis=1)[:, None]
"""),
    Right("L1", "the L1 norm of the error", """
def L1(yhat, y):
    return np.linalg.norm(y - yhat, ord=1)
"""),
    Right("L2", "np.square and np.sum", """
def L2(yhat, y):
    return np.sum(np.square(yhat - y))
"""),
]
